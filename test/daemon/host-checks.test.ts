// check host: ping comes first and a failed ping skips the host's port tests in that cycle (monit's order);
// with the system's ping against loopback, a host check is OK and shows its response times.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { probeConnections } from '../../src/daemon/probe-connections.ts';
import type { DaemonDeps } from '../../src/daemon/deps.ts';
import { DEFAULT_LIMITS } from '../../src/model/config.ts';
import type { ProbeResult } from '../../src/model/observation.ts';
import type { Prober } from '../../src/model/ports.ts';
import type { ConnectionTest, Rule } from '../../src/model/rule.ts';
import type { HostSpec } from '../../src/model/service.ts';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { freePort } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

const POS = { file: 't.yml', line: 1, col: 1 };
const conn = (id: string, target: ConnectionTest['target']): Rule => ({
  id, text: id, test: { kind: 'connection', target }, polarity: 'failed', rate: { count: 1, cycles: 1 },
  action: { type: 'alert' }, recovery: { action: { type: 'alert' }, rate: { count: 1, cycles: 1 } },
});
const host = (rules: Rule[]): HostSpec => ({
  type: 'host', name: 'db', address: '192.0.2.1', pos: POS, groups: [], depends: [], mode: 'active', alerts: [], noalert: [],
  rules, restartLimits: [], ignoreContent: [],
});

/** A prober that answers from a table and records the order of calls: the daemon's sequencing is under test. */
function scripted(answers: Record<string, ProbeResult>): { prober: Prober; calls: string[] } {
  const calls: string[] = [];
  const prober: Prober = {
    supports: () => true,
    probe: async (t) => {
      const key = t.target.type === 'port' ? `port ${t.target.port}` : t.target.type;
      calls.push(key);
      return answers[key] ?? { ok: true, responseTimeMs: 1, message: 'ok' };
    },
  };
  return { prober, calls };
}

describe('probeConnections in a host check', () => {
  const rules = [conn('port', { type: 'port', port: 5432, socket: 'tcp' }), conn('ping', { type: 'ping' })];
  test('a failed ping skips the port tests of that cycle', async () => {
    const { prober, calls } = scripted({ ping: { ok: false, responseTimeMs: null, message: 'ping: 0 of 3 replies' } });
    const out = await probeConnections({ prober } as DaemonDeps, host(rules), DEFAULT_LIMITS, undefined);
    assert.deepEqual(calls, ['ping']);
    assert.equal(out['ping']?.ok, false);
    assert.equal(out['port']?.skipped, true);
    assert.match(out['port']?.message ?? '', /not tested: ping to 192\.0\.2\.1 failed \(ping: 0 of 3 replies\)/);
  });
  test('a good ping lets the port tests run after it', async () => {
    const { prober, calls } = scripted({});
    const out = await probeConnections({ prober } as DaemonDeps, host(rules), DEFAULT_LIMITS, undefined);
    assert.deepEqual(calls, ['ping', 'port 5432']);
    assert.equal(out['port']?.ok, true);
  });
});

test('a host check on loopback with the system ping and a port', async (t) => {
  try {
    execFileSync('ping', ['-V'], { stdio: 'ignore' });
  } catch {
    if (process.env['CI'] === 'true') assert.fail('ping (iputils-ping) is required in CI');
    t.skip('ping (Debian iputils-ping) is not installed');
    return;
  }
  const { createServer } = await import('node:net');
  const server = createServer((s) => s.end());
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  t.after(() => server.close());
  const closed = await freePort();
  const h = await startMonitor(daemonYaml('300ms', `
checks:
  - host: loopback
    address: 127.0.0.1
    rules:
      - if failed ping count 1 with timeout 2 seconds then alert
      - if failed port ${port} type tcp then alert
  - host: closed
    address: 127.0.0.1
    rules:
      - if failed port ${closed} then alert
`));
  t.after(() => h.cleanup());
  const s = await waitFor('loopback ok with two measured tests', () => {
    const x = h.monitor.service('loopback');
    return x?.status === 'OK' && x.ports?.every((p) => p.ok === true) ? x : null;
  });
  assert.deepEqual(s.ports?.map((p) => p.type), ['PING', 'TCP']);
  await waitFor('closed port failed', () => h.monitor.service('closed')?.status === 'Connection failed');
});
