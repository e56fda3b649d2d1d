// Must show 1: status, summary and report in monit's layout for a process, a host and a system check,
// the same text the daemon serves on /_status?format=text, /_summary and /_report; --json is the API's JSON.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { startDaemon, tsmonit, type Daemon } from './helpers/cli.ts';

/**
 * Figures move between two reads (cpu, load, times): compare the layout with every figure masked. A figure not
 * collected yet ("-", the first CPU sample) counts as a figure: the two reads may fall on either side of a cycle.
 */
const masked = (text: string) => text.replace(/\d+(\.\d+)?%?/g, '#').replace(/ -$/gm, ' #');

/** The JSON's shape: keys and value types, recursively. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  }
  return value === null ? 'null' : typeof value;
}

describe('status, summary and report against a real daemon', () => {
  let d: Daemon;
  let cli: (...args: string[]) => ReturnType<typeof tsmonit>;

  before(async () => {
    const webPort = await freePort();
    d = await startDaemon(`
  - system: box
  - process: web
    pidfile: \${DIR}/web.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web.pid --port \${FREE}"
    group: www
    rules:
      - if failed port \${FREE} type tcp then restart
  - host: api
    address: 127.0.0.1
    group: www
    rules:
      - if failed port \${FREE} type tcp then alert
`, { extraPort: webPort });
    cli = (...args) => tsmonit(['-c', d.file, ...args]);
    await waitFor('every service is up', async () => (await cli('report', 'up')).stdout === '3\n', { timeoutMs: 30000, intervalMs: 200 });
  });
  after(() => d?.stop());

  test('summary: monit\'s columns, services grouped by type, the text /_summary serves', async () => {
    const r = await cli('summary');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.match(lines[0]!, /^tsmonit \d+\.\d+\.\d+ uptime: \d+m$/);
    assert.equal(lines[1], ' Service Name                     Status                      Type');
    assert.equal(lines[2], ` ${'box'.padEnd(32)} ${'OK'.padEnd(27)} System`);
    assert.equal(lines[3], ` ${'web'.padEnd(32)} ${'OK'.padEnd(27)} Process`);
    assert.equal(lines[4], ` ${'api'.padEnd(32)} ${'OK'.padEnd(27)} Remote Host`);
    assert.equal(lines.length, 6, 'three services and the final newline');
    assert.equal(masked(r.stdout), masked((await d.get('/_summary')).body));
  });

  test('status: a block per service with monit\'s keys; the same layout as /_status?format=text', async () => {
    const r = await cli('status');
    assert.equal(r.code, 0, r.stderr);
    const blocks = r.stdout.trimEnd().split('\n\n');
    assert.match(blocks[0]!, /^tsmonit \S+ uptime: \d+m$/);
    assert.deepEqual(blocks.slice(1).map((b) => b.split('\n')[0]), ["System 'box'", "Process 'web'", "Remote Host 'api'"]);
    const web = blocks[2]!;
    assert.match(web, /^ {2}status {27}OK$/m);
    assert.match(web, /^ {2}monitoring status {16}Monitored$/m);
    assert.match(web, /^ {2}pid {30}\d+$/m);
    assert.match(web, /^ {2}memory {27}\d+\.\d% \[[\d.]+ [kMG]?B\]$/m);
    assert.match(web, /^ {2}port response time {15}[\d.]+ ms to localhost:\d+ type TCP protocol DEFAULT$/m);
    assert.match(blocks[1]!, /^ {2}load average {21}\[\d+\.\d\d\] +\[\d+\.\d\d\] +\[\d+\.\d\d\]$/m);
    assert.match(blocks[1]!, /^ {2}memory usage {21}[\d.]+ [kMG]?B \[\d+\.\d%\]$/m);
    assert.match(blocks[3]!, /^ {2}port response time {15}[\d.]+ ms to 127\.0\.0\.1:\d+ type TCP protocol DEFAULT$/m);
    const served = (await d.get('/_status?format=text')).body;
    assert.equal(masked(r.stdout), masked(served));
  });

  test('status NAME, a pattern and -g GROUP narrow the output', async () => {
    const one = await cli('status', 'web');
    assert.deepEqual(one.stdout.match(/^\S.*'.*'$/gm), ["Process 'web'"]);
    const pattern = await cli('summary', 'W.B');
    assert.match(pattern.stdout, /^ web +OK +Process$/m);
    assert.doesNotMatch(pattern.stdout, /box|api/);
    const group = await cli('summary', '-g', 'www');
    assert.deepEqual(group.stdout.split('\n').slice(2, -1).map((l) => l.trim().split(/\s+/)[0]), ['web', 'api']);
  });

  test('report: monit\'s counts; report TYPE prints the number; the text /_report serves', async () => {
    const r = await cli('report');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, [
      'up:             3 (100.0%)', 'down:           0 (0.0%)', 'initialising:   0 (0.0%)',
      'unmonitored:    0 (0.0%)', 'total:          3 services', '',
    ].join('\n'));
    assert.equal(r.stdout, (await d.get('/_report')).body);
    assert.equal((await cli('report', 'total')).stdout, '3\n');
    assert.equal((await cli('report', 'initialising')).stdout, '0\n');
    assert.equal((await cli('-g', 'www', 'report', 'up')).stdout, '2\n');
  });

  test('--json is the JSON of GET /api/v1/services', async () => {
    const r = await cli('status', '--json');
    assert.equal(r.code, 0, r.stderr);
    const mine = JSON.parse(r.stdout);
    const api = JSON.parse((await d.get('/api/v1/services')).body);
    assert.deepEqual(shape(mine), shape(api));
    const stable = (s: Record<string, unknown>) => ({ ...s, lastCheck: null, nextCheck: null, checkDurationMs: null, process: null, system: null, ports: null });
    assert.deepEqual(mine.services.map(stable), api.services.map(stable));
    assert.equal(mine.server.pid, api.server.pid);
    const narrowed = JSON.parse((await cli('summary', 'web', '--json')).stdout);
    assert.deepEqual(narrowed.services.map((s: { name: string }) => s.name), ['web']);
    assert.deepEqual(JSON.parse((await cli('report', '--json')).stdout), { up: 3, down: 0, initializing: 0, unmonitored: 0, total: 3 });
  });
});
