// examples/prometheus and examples/systemd stay true to what the server exposes and how tsmonit runs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { ROOT } from '../helpers/processes.ts';
import { ADMIN, basic } from './helpers/fake-monitor.ts';
import { parseMetrics } from './helpers/prometheus.ts';
import { testServer } from './helpers/server.ts';

interface Rule {
  alert: string;
  expr: string;
  annotations?: Record<string, string>;
}

test('every tsmonit series the alerting rules use exists in /metrics with a matching type', async (t) => {
  const rules = (parse(readFileSync(`${ROOT}examples/prometheus/tsmonit-alerts.yml`, 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups.flatMap((g) => g.rules);
  const names = rules.map((r) => r.alert);
  for (const wanted of ['TsmonitServiceDown', 'TsmonitRestartStorm', 'TsmonitServiceUnmonitored']) assert.ok(names.includes(wanted), wanted);
  const { app } = await testServer(t);
  const families = parseMetrics((await app.inject({ url: '/metrics', headers: { authorization: basic(ADMIN.user, ADMIN.password) } })).body);
  for (const rule of rules) {
    for (const series of rule.expr.match(/\btsmonit_[a-z_]+/g) ?? []) {
      assert.ok(families.has(series), `${rule.alert} uses ${series}, which /metrics does not have`);
      if (/increase|rate\(/.test(rule.expr) && rule.expr.includes(`${series}[`)) assert.equal(families.get(series)!.type, 'COUNTER', series);
    }
    for (const label of `${rule.expr} ${JSON.stringify(rule.annotations ?? {})}`.match(/\$labels\.([a-z_]+)/g) ?? []) {
      assert.ok(['instance', 'job', 'service', 'type'].includes(label.slice(8)), `${rule.alert}: ${label}`);
    }
  }
});

test('the scrape config reads /metrics with Basic auth', () => {
  const config = parse(readFileSync(`${ROOT}examples/prometheus/prometheus.yml`, 'utf8')) as { rule_files: string[]; scrape_configs: Array<Record<string, unknown>> };
  assert.deepEqual(config.rule_files, ['tsmonit-alerts.yml']);
  const job = config.scrape_configs.find((j) => j.job_name === 'tsmonit')!;
  assert.equal(job.metrics_path, '/metrics');
  assert.ok((job.basic_auth as { username: string }).username);
});

test('the systemd unit leaves supervised services running when tsmonit stops, and reloads with SIGHUP', () => {
  const unit = readFileSync(`${ROOT}examples/systemd/tsmonit.service`, 'utf8');
  assert.match(unit, /^ExecStart=\S*tsmonit -I -c \/etc\/tsmonit\/monitrc\.yml$/m);
  assert.match(unit, /^KillMode=process$/m);
  assert.match(unit, /^ExecReload=\/bin\/kill -HUP \$MAINPID$/m);
  assert.match(unit, /^RuntimeDirectory=tsmonit$/m);
  assert.match(unit, /^WantedBy=multi-user\.target$/m);
});
