import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCheck } from '../../src/engine/check.ts';
import { connectionOutcome, connectionProtocol, connectionWhere } from '../../src/engine/connection-tests.ts';
import type { ProbeResult } from '../../src/model/observation.ts';
import type { ConnectionTest } from '../../src/model/rule.ts';
import { T0, figures, hostSpec, monitored, procObs, processSpec, rule, runChecks, sysObs } from './helpers.ts';

const memcache: ConnectionTest = {
  kind: 'connection',
  target: { type: 'port', host: 'localhost', port: 11211, socket: 'tcp' },
  protocol: { name: 'memcache', options: {} },
};
const refused: ProbeResult = { ok: false, responseTimeMs: null, message: 'Connection refused' };
const fine = (ms: number): ProbeResult => ({ ok: true, responseTimeMs: ms, message: 'ok' });

describe('connectionOutcome', () => {
  test('a failed probe names protocol, place and reason', () => {
    const out = connectionOutcome(processSpec(), { ...memcache, protocol: undefined }, refused);
    assert.deepEqual(out, {
      kind: 'result', failed: true, message: 'failed protocol test [TCP] at localhost:11211 -- Connection refused', figures: { responseTimeMs: null },
    });
  });

  test('missing or skipped probes skip the rule', () => {
    assert.equal(connectionOutcome(processSpec(), memcache, undefined).kind, 'skip');
    assert.equal(connectionOutcome(processSpec(), memcache, { ...refused, skipped: true }).kind, 'skip');
  });

  test('response time: an expectation, failing when the expression is false', () => {
    const t: ConnectionTest = { ...memcache, responseTime: { op: '<', ms: 200 } };
    const slow = connectionOutcome(processSpec(), t, fine(350));
    assert.equal(slow.kind === 'result' && slow.failed, true);
    assert.match(slow.kind === 'result' ? slow.message : '', /response time 350 ms does not satisfy \[responsetime < 200 ms\]/);
    assert.deepEqual(slow.kind === 'result' ? slow.figures : null, { responseTimeMs: 350, limit: 200 });
    const quick = connectionOutcome(processSpec(), t, fine(20));
    assert.equal(quick.kind === 'result' && quick.failed, false);
  });

  test('where and protocol', () => {
    const host = hostSpec({ address: '10.0.0.5' });
    assert.equal(connectionWhere(host, { kind: 'connection', target: { type: 'port', port: 22, socket: 'tcp' } }), '10.0.0.5:22');
    assert.equal(connectionWhere(processSpec(), { kind: 'connection', target: { type: 'port', port: 22, socket: 'tcp' } }), 'localhost:22');
    assert.equal(connectionWhere(processSpec(), { kind: 'connection', target: { type: 'unix', path: '/run/x.sock', socket: 'tcp' } }), '/run/x.sock');
    assert.equal(connectionProtocol(memcache), 'MEMCACHE');
    assert.equal(connectionProtocol({ kind: 'connection', target: { type: 'url', url: 'https://x/' } }), 'HTTPS');
  });
});

describe('connection rules in checks', () => {
  const portRule = rule(memcache, { id: 'mc', text: 'if failed host localhost port 11211 protocol memcache then restart', action: { type: 'restart' } });

  test('failure and recovery', () => {
    const spec = processSpec({ rules: [portRule] });
    const { outputs } = runChecks(spec, [
      procObs(figures(), { probes: { mc: refused } }),
      procObs(figures(), { probes: { mc: fine(2) } }),
    ]);
    assert.deepEqual(outputs[0]?.events.map((e) => [e.kind, e.state, e.message]), [
      ['connection', 'failed', 'failed protocol test [MEMCACHE] at localhost:11211 -- Connection refused'],
    ]);
    assert.deepEqual(outputs[1]?.events.map((e) => [e.kind, e.state]), [['connection', 'succeeded']]);
  });

  test('succeeded polarity inverts: the rule fails when the connection works', () => {
    const r = rule({ kind: 'connection', target: { type: 'port', port: 23, socket: 'tcp' } }, { id: 'telnet', polarity: 'succeeded' });
    const spec = hostSpec({ rules: [r] });
    const { outputs } = runChecks(spec, [sysObs(undefined, { telnet: refused }), sysObs(undefined, { telnet: fine(1) }), sysObs(undefined, { telnet: refused })]);
    assert.deepEqual(outputs.map((o) => o.events.map((e) => e.state).join()), ['', 'failed', 'succeeded']);
    assert.match(outputs[1]?.events[0]?.message ?? '', /connection succeeded to db.example.com:23/);
  });

  test('a ping rule posts icmp events', () => {
    const r = rule({ kind: 'connection', target: { type: 'ping' } }, { id: 'ping' });
    const spec = hostSpec({ rules: [r] });
    const out = evaluateCheck({ spec, state: monitored(spec), observation: sysObs(undefined, { ping: { ok: false, responseTimeMs: null, message: '100% packet loss' } }), now: T0 });
    assert.deepEqual(out.events.map((e) => [e.kind, e.message]), [['icmp', 'ping test failed for db.example.com -- 100% packet loss']]);
  });

  test('a skipped probe keeps the rule state', () => {
    const spec = processSpec({ rules: [portRule] });
    const state = monitored(spec, { rules: { mc: { state: 'failed', history: '1', sinceFired: 0 } } });
    const out = evaluateCheck({ spec, state, observation: procObs(figures(), { probes: { mc: { ...refused, skipped: true } } }), now: T0 });
    assert.deepEqual(out.state.rules['mc'], state.rules['mc']);
    assert.deepEqual(out.actions, []);
  });
});
