// Must show 1: real-world monit control files (Debian's conf-available snippets, the stock monitrc with its
// examples uncommented, the manual's examples) load unchanged, and each one's model equals the model of the
// YAML that `tsmonit convert` writes for it.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { convertMonitrcFile } from '../../../src/config/convert/index.ts';
import { loadConfigFile } from '../../../src/config/load.ts';
import type { Config } from '../../../src/model/config.ts';
import { formatDiagnostic } from '../../../src/model/errors.ts';
import { CORPUS, ENV, ok, placeless } from './helpers.ts';

const files = (await readdir(join(ENV.cwd, CORPUS))).filter((f) => f.endsWith('.monitrc')).sort();
const loaded = new Map<string, Config>();
const yamlOf = new Map<string, string>();

describe('the monitrc corpus', () => {
  let tmp = '';
  before(async () => {
    tmp = await mkdtemp(join(os.tmpdir(), 'tsmonit-corpus-'));
  });
  after(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  test('holds at least 60 control files', () => {
    assert.ok(files.length >= 60, `only ${files.length} files`);
  });

  for (const f of files) {
    test(`${f}: loads, converts, and its YAML gives the same model`, async () => {
      const monit = ok(await loadConfigFile(join(CORPUS, f), ENV));
      loaded.set(f, monit);
      const converted = await convertMonitrcFile(join(CORPUS, f), ENV);
      assert.ok(converted.ok, converted.ok ? '' : converted.errors.map(formatDiagnostic).join('\n'));
      yamlOf.set(f, converted.yaml);
      const yamlFile = join(tmp, `${f}.yml`);
      await writeFile(yamlFile, converted.yaml);
      const yaml = ok(await loadConfigFile(yamlFile, ENV));
      assert.deepStrictEqual(placeless(yaml), placeless(monit));
    });
  }

  test('the models are not empty: services, rules and settings came through', () => {
    const all = [...loaded.values()];
    assert.equal(all.length, files.length);
    const services = all.flatMap((c) => c.services);
    assert.ok(services.length >= 90, `${services.length} services`);
    const written = services.flatMap((s) => s.rules.filter((r) => !r.implicit)).length;
    assert.ok(written >= 150, `${written} written rules`);
    const memcache = loaded.get('debian-memcached.monitrc')?.services.find((s) => s.name === 'memcache');
    const probe = memcache?.rules.find((r) => r.test.kind === 'connection');
    assert.equal(probe?.test.kind === 'connection' ? probe.test.protocol?.name : undefined, 'memcache');
    assert.deepEqual(memcache?.restartLimits.map((l) => [l.count, l.cycles, l.action.type]), [[5, 20, 'unmonitor']]);
    assert.equal(loaded.get('stock-system.monitrc')?.services[0]?.name, ENV.hostname, '$HOST is the host name');
    assert.equal(loaded.get('debian-stock-monitrc.monitrc')?.cycleMs, 120_000);
    assert.equal(loaded.get('debian-acpid.monitrc')?.cycleMs, null, 'no set daemon: one pass');
  });

  test('a check template included inside a block adds its rules to that check', () => {
    const bin = loaded.get('debian-acpid.monitrc')?.services.find((s) => s.name === 'acpid_bin');
    assert.deepEqual(bin?.rules.filter((r) => !r.implicit).map((r) => r.text), [
      'if failed checksum       then unmonitor',
      'if failed permission 755 then unmonitor',
      'if failed uid root       then unmonitor',
      'if failed gid root       then unmonitor',
    ]);
    assert.equal(bin?.rules[1]?.pos?.file, 'test/fixtures/monitrc/templates/rootbin');
  });

  test('comments stay above the check, the key and the rule they were written above', () => {
    const system = yamlOf.get('stock-system.monitrc') ?? '';
    assert.match(system, /# Check general system resources[^\n]*\n(?:\s*#[^\n]*\n)*\s*- system: web01\n/);
    const rsyslog = yamlOf.get('debian-rsyslog.monitrc') ?? '';
    assert.match(rsyslog, /# Note: activate the immark plugin for rsyslog if\n\s*# your system is too low on events.\n\s*- if timestamp > 65 minutes then alert\n/);
    const stock = yamlOf.get('debian-stock-monitrc.monitrc') ?? '';
    assert.match(stock, /# check services at 120 seconds intervals\ndaemon: 120\n/);
    assert.match(stock, /# set the base directory where events will be stored\n# optionally limit the queue size\neventqueue:/);
    const nginx = yamlOf.get('debian-nginx.monitrc') ?? '';
    assert.match(nginx, /# {2}if failed port 80 protocol http request "\/" then restart\n\s*- if 5 restarts with 5 cycles then timeout/);
  });
});
