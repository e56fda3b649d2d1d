// The daemon records figures after each check: a real process and a real port, read back through the
// facade and the API route the charts use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildServer } from '../../src/http/server.ts';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { freePort, pidFrom } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { ADMIN, MemoryLogger, STANDARD_ALLOW, basic, httpdConfig } from '../http/helpers/fake-monitor.ts';

test('after each check the daemon keeps CPU, memory and response time per service', async (t) => {
  const port = await freePort();
  const h = await startMonitor(daemonYaml('1s', `checks:
  - process: web
    pidfile: \${DIR}/web.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web.pid --port ${port}"
    rules:
      - if failed port ${port} type tcp with timeout 2 seconds then restart
`));
  t.after(() => h.cleanup());
  const history = await waitFor('three samples with a process', () => {
    const s = h.monitor.history('web');
    return s && s.memory.filter((m) => m !== null).length >= 3 ? s : null;
  }, { timeoutMs: 20_000 });
  assert.equal(history.name, 'web');
  assert.equal(history.windowSeconds, 3600);
  assert.equal(history.cpu.length, history.times.length);
  assert.equal(history.memory.length, history.times.length);
  assert.ok(history.times.every((x, i) => i === 0 || x > history.times[i - 1]!), 'times increase');
  assert.ok(Math.abs(history.times.at(-1)! - Date.now() / 1000) < 30, 'times are epoch seconds');
  assert.ok(history.memory.some((m) => m !== null && m > 1024 * 1024), 'a node process uses more than 1 MB');
  assert.deepEqual(history.ports.map((p) => p.label), [`localhost:${port} TCP`]);
  assert.ok(history.ports[0]!.responseMs.some((ms) => ms !== null && ms >= 0));
  assert.equal(h.monitor.history('nope'), undefined);
  assert.ok(pidFrom(`${h.dir}/web.pid`));

  const httpd = httpdConfig(STANDARD_ALLOW);
  const app = await buildServer({ monitor: h.monitor, logger: new MemoryLogger(), httpd, onQuit: () => undefined });
  t.after(() => app.close());
  const r = await app.inject({ url: '/api/v1/services/web/history', headers: { authorization: basic(ADMIN.user, ADMIN.password) } });
  assert.equal(r.statusCode, 200);
  const body = r.json();
  assert.ok(body.times.length >= history.times.length);
  assert.deepEqual(body.ports.map((p: { label: string }) => p.label), [`localhost:${port} TCP`]);
});
