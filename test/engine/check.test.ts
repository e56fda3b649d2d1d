import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCheck } from '../../src/engine/check.ts';
import { initialServiceState } from '../../src/engine/service-state.ts';
import type { Rule } from '../../src/model/rule.ts';
import {
  T0, actionTypes, cpuRule, figures, monitored, nonexistRule, procObs, processSpec, rate, rule, runChecks, systemSample,
} from './helpers.ts';

describe('evaluateCheck bookkeeping', () => {
  test('counts the check, stamps it and ends initializing or waiting', () => {
    const spec = processSpec();
    for (const monitoring of ['initializing', 'waiting', 'monitored'] as const) {
      const out = evaluateCheck({ spec, state: { ...initialServiceState(spec), monitoring }, observation: procObs(figures()), now: T0 + 5 });
      assert.equal(out.state.monitoring, 'monitored');
      assert.equal(out.state.checks, 1);
      assert.equal(out.state.lastCheck, T0 + 5);
    }
  });

  test('a check between cycles looks at existence only and is not a cycle', () => {
    const spec = processSpec({ rules: [nonexistRule(), cpuRule(50)] });
    const state = { ...initialServiceState(spec), checks: 3 };
    const busy = procObs(figures({ cpuPercent: 99 }));
    const early = evaluateCheck({ spec, state, observation: busy, now: T0, outOfCycle: true });
    assert.equal(early.state.checks, 3, 'not counted as a cycle');
    assert.deepEqual(early.events, [], 'the cpu rule waits for the cycle');
    assert.equal(early.state.rules[spec.rules[1]!.id], undefined);
    assert.equal(early.state.rules[spec.rules[0]!.id]?.state, 'succeeded', 'existence is looked at');
    const cycle = evaluateCheck({ spec, state: early.state, observation: busy, now: T0 });
    assert.deepEqual(cycle.events.map((e) => e.kind), ['resource']);
    const gone = evaluateCheck({ spec, state: cycle.state, observation: procObs(null), now: T0, outOfCycle: true });
    assert.deepEqual(actionTypes(gone), ['restart'], 'a death seen early is acted on early');
  });

  test('a service that is not monitored is left alone', () => {
    const spec = processSpec({ rules: [nonexistRule()] });
    const state = { ...initialServiceState(spec), monitoring: 'not monitored' as const };
    const out = evaluateCheck({ spec, state, observation: procObs(null), now: T0 });
    assert.deepEqual(out, { state, events: [], actions: [] });
  });

  test('a process seen running is remembered by pid and start time; a missing one keeps the last identity', () => {
    const spec = processSpec();
    const seen = evaluateCheck({ spec, state: initialServiceState(spec), observation: procObs(figures({ pid: 7, startTime: 1234 })), now: T0 });
    assert.deepEqual(seen.state.identity, { pid: 7, startTime: 1234 });
    const gone = evaluateCheck({ spec, state: seen.state, observation: procObs(null), now: T0 });
    assert.deepEqual(gone.state.identity, { pid: 7, startTime: 1234 });
  });

  test('exec and timeout failures clear when the process is seen running (manual repair)', () => {
    const spec = processSpec();
    const state = monitored(spec, { actionFailures: { exec: 'failed to start (exit status 1)', timeout: 'restarted 3 times' } });
    const out = evaluateCheck({ spec, state, observation: procObs(figures()), now: T0 });
    assert.deepEqual(out.state.actionFailures, {});
    assert.deepEqual(out.events.map((e) => [e.kind, e.state]), [['exec', 'succeeded'], ['timeout', 'succeeded']]);
    const stillMissing = evaluateCheck({ spec, state, observation: procObs(null), now: T0 });
    assert.deepEqual(Object.keys(stillMissing.state.actionFailures).sort(), ['exec', 'timeout']);
  });

  test('rule states of rules no longer in the spec are dropped', () => {
    const spec = processSpec({ rules: [nonexistRule()] });
    const state = monitored(spec, { rules: { gone: { state: 'failed', history: '1', sinceFired: 0 } } });
    const out = evaluateCheck({ spec, state, observation: procObs(figures()), now: T0 });
    assert.deepEqual(Object.keys(out.state.rules), ['nonexist']);
  });
});

describe('existence', () => {
  test('missing process: nonexist fails with the detail, then recovers', () => {
    const spec = processSpec({ rules: [nonexistRule()] });
    const { outputs } = runChecks(spec, [procObs(null, { detail: 'pidfile /run/web.pid does not exist' }), procObs(figures({ pid: 99 }))]);
    const [fail, ok] = outputs;
    assert.deepEqual(fail?.events.map((e) => [e.kind, e.state, e.message, e.action]), [
      ['nonexist', 'failed', 'process is not running -- pidfile /run/web.pid does not exist', 'restart'],
    ]);
    assert.deepEqual(actionTypes(fail!), ['restart']);
    assert.equal(fail?.events[0]?.rule, 'if does not exist then restart');
    assert.deepEqual(ok?.events.map((e) => [e.kind, e.state, e.message]), [['nonexist', 'succeeded', 'process is running with pid 99']]);
    assert.deepEqual(actionTypes(ok!), ['alert']);
  });

  test('a zombie is named in the message', () => {
    const spec = processSpec({ rules: [nonexistRule()] });
    const out = evaluateCheck({ spec, state: initialServiceState(spec), observation: procObs(null, { zombie: true, detail: 'pid 42 is a zombie' }), now: T0 });
    assert.match(out.events[0]?.message ?? '', /not running.*zombie/);
    const bare = evaluateCheck({ spec, state: initialServiceState(spec), observation: procObs(null, { zombie: true, detail: '' }), now: T0 });
    assert.match(bare.events[0]?.message ?? '', /zombie/);
  });

  test('if exist fails while the process runs, whichever polarity the parser chose', () => {
    for (const polarity of ['failed', 'succeeded'] as const) {
      const spec = processSpec({ rules: [rule({ kind: 'exist' }, { polarity })] });
      const { outputs } = runChecks(spec, [procObs(figures()), procObs(null)]);
      assert.deepEqual(outputs[0]?.events.map((e) => [e.kind, e.state]), [['exist', 'failed']], polarity);
      assert.deepEqual(outputs[1]?.events.map((e) => [e.kind, e.state]), [['exist', 'succeeded']], polarity);
    }
  });

  test('without a process observation, existence rules are skipped', () => {
    const spec = processSpec({ rules: [nonexistRule()] });
    const out = evaluateCheck({ spec, state: initialServiceState(spec), observation: { at: T0, probes: {} }, now: T0 });
    assert.deepEqual(out.events, []);
    assert.deepEqual(out.state.rules, {});
  });
});

describe('rules that need the process are skipped while it is missing', () => {
  const needy: Rule[] = [
    cpuRule(50),
    rule({ kind: 'resource', resource: 'memory', op: '>', value: 1, unit: 'percent' }, { id: 'mem' }),
    rule({ kind: 'uptime', op: '<', seconds: 60 }, { id: 'uptime' }),
    rule({ kind: 'changed', target: 'pid' }, { id: 'pid' }),
    rule({ kind: 'changed', target: 'ppid' }, { id: 'ppid' }),
    rule({ kind: 'identity', field: 'uid', expect: 0 }, { id: 'uid' }),
    rule({ kind: 'connection', target: { type: 'port', port: 80, socket: 'tcp' } }, { id: 'port' }),
  ];
  test('state and history untouched', () => {
    const spec = processSpec({ rules: [nonexistRule(), ...needy] });
    const before = monitored(spec, {
      rules: Object.fromEntries(needy.map((r) => [r.id, { state: 'failed' as const, history: '10', sinceFired: 3, message: 'old' }])),
    });
    const probes = { port: { ok: false, responseTimeMs: null, message: 'refused' } };
    const out = evaluateCheck({ spec, state: before, observation: procObs(null, { probes }), now: T0 });
    for (const r of needy) assert.deepEqual(out.state.rules[r.id], before.rules[r.id], r.id);
    assert.deepEqual(out.events.map((e) => e.kind), ['nonexist']);
    assert.deepEqual(actionTypes(out), ['restart']);
  });

  test('a rule never evaluated stays absent', () => {
    const spec = processSpec({ rules: needy });
    const out = evaluateCheck({ spec, state: initialServiceState(spec), observation: procObs(null), now: T0 });
    assert.deepEqual(out.state.rules, {});
  });

  test('loadavg in a process check reads the system even when the process is missing', () => {
    const load = rule({ kind: 'resource', resource: 'loadavg1', op: '>', value: 2, unit: 'load' }, { id: 'load' });
    const spec = processSpec({ rules: [load] });
    const out = evaluateCheck({ spec, state: initialServiceState(spec), observation: procObs(null, { system: systemSample({ load: [3, 1, 1] }) }), now: T0 });
    assert.deepEqual(out.events.map((e) => [e.kind, e.state]), [['resource', 'failed']]);
  });
});

describe('changed pid and ppid', () => {
  for (const target of ['pid', 'ppid'] as const) {
    test(`changed ${target}: first sight silent, every change an event with the rule's action`, () => {
      const r = rule({ kind: 'changed', target }, { id: target, text: `if changed ${target} then exec "/bin/note"`, action: { type: 'exec', command: { text: '/bin/note', argv: ['/bin/note'] } } });
      const spec = processSpec({ rules: [r] });
      const at = (v: number) => procObs(figures(target === 'pid' ? { pid: v } : { ppid: v }));
      const { outputs, state } = runChecks(spec, [at(10), at(10), at(11), at(12), at(12)]);
      assert.deepEqual(outputs.map((o) => o.events.length), [0, 0, 1, 1, 0]);
      const label = target === 'pid' ? 'PID' : 'PPID';
      assert.equal(outputs[2]?.events[0]?.message, `process ${label} changed from 10 to 11`);
      assert.equal(outputs[2]?.events[0]?.state, 'changed');
      assert.equal(outputs[2]?.events[0]?.kind, target);
      assert.deepEqual(outputs[3]?.events[0]?.figures, { from: 11, to: 12 });
      assert.deepEqual(outputs.map((o) => actionTypes(o).join()), ['', '', 'exec', 'exec', '']);
      assert.equal(state.rules[target]?.reference, 12);
      assert.equal(state.rules[target]?.state, 'succeeded');
    });
  }
});

describe('no event below the threshold', () => {
  test('the failure is kept as the rule message only', () => {
    const spec = processSpec({ rules: [cpuRule(50, { rate: { count: 3, cycles: 3 } })] });
    const out = evaluateCheck({ spec, state: monitored(spec), observation: procObs(figures({ cpuPercent: 80 })), now: T0 });
    assert.deepEqual(out.events, []);
    assert.deepEqual(out.actions, []);
    assert.equal(out.state.rules['cpu']?.message, 'cpu usage of 80% matches resource limit [cpu > 50%]');
    assert.equal(out.state.rules['cpu']?.state, 'init');
  });

  test('the first success before any failure is silent', () => {
    const spec = processSpec({ rules: [cpuRule(50)] });
    const out = evaluateCheck({ spec, state: monitored(spec), observation: procObs(figures({ cpuPercent: 5 })), now: T0 });
    assert.deepEqual(out.events, []);
    assert.deepEqual(out.actions, []);
    assert.equal(out.state.rules['cpu']?.state, 'succeeded');
  });
});

describe('a steady check builds nothing new (the overhead benchmark: every service, every cycle)', () => {
  const spec = processSpec({ rules: [nonexistRule(), cpuRule(90, { rate: rate(3, 3) })] });
  const steadyAfter = (checks: number) => {
    let state = initialServiceState(spec);
    for (let i = 0; i < checks; i++) state = evaluateCheck({ spec, state, observation: procObs(figures({ cpuPercent: 1 })), now: T0 + i }).state;
    return state;
  };

  test('after 64 equal results the rules object, each rule state and the identity are the ones before', () => {
    const before = steadyAfter(70);
    const out = evaluateCheck({ spec, state: before, observation: procObs(figures({ cpuPercent: 1 })), now: T0 + 100 });
    assert.equal(out.state.rules, before.rules);
    assert.equal(out.state.identity, before.identity);
    assert.equal(out.state.actionFailures, before.actionFailures);
    assert.equal(out.state.checks, before.checks + 1, 'still counted');
  });

  test('steady from the first check: a history with no failure is the full one (a missing result is no failure)', () => {
    const first = steadyAfter(1);
    for (const r of spec.rules) assert.equal(first.rules[r.id]?.history, '0'.repeat(64), r.text);
    const second = evaluateCheck({ spec, state: first, observation: procObs(figures({ cpuPercent: 1 })), now: T0 + 1 });
    assert.equal(second.state.rules, first.rules);
  });

  test('a sub-threshold failure, a new message or a new result builds a new rule state', () => {
    const cpuId = spec.rules[1]!.id;
    const once = evaluateCheck({ spec, state: steadyAfter(3), observation: procObs(figures({ cpuPercent: 95 })), now: T0 + 3 });
    const after = evaluateCheck({ spec, state: once.state, observation: procObs(figures({ cpuPercent: 1 })), now: T0 + 4 });
    assert.notEqual(after.state.rules, once.state.rules);
    assert.equal(after.state.rules[cpuId]?.history.slice(0, 2), '01', 'the failure stays in the history and still counts');
    const steady = steadyAfter(70);
    const other = evaluateCheck({ spec, state: steady, observation: procObs(figures({ cpuPercent: 2 })), now: T0 + 100 });
    assert.notEqual(other.state.rules[cpuId], steady.rules[cpuId], 'the message names the new figure');
    assert.match(other.state.rules[cpuId]?.message ?? '', /2%/);
    const failing = evaluateCheck({ spec, state: steady, observation: procObs(figures({ cpuPercent: 95 })), now: T0 + 100 });
    assert.equal(failing.state.rules[cpuId]?.history[0], '1');
    assert.notEqual(failing.state.rules, steady.rules);
  });

  test('a rule no longer in the service (after a reload) is dropped even when the others are steady', () => {
    const steady = steadyAfter(70);
    const fewer = processSpec({ rules: [nonexistRule()] });
    const out = evaluateCheck({ spec: fewer, state: steady, observation: procObs(figures({ cpuPercent: 1 })), now: T0 + 100 });
    assert.deepEqual(Object.keys(out.state.rules), [fewer.rules[0]!.id]);
  });

  test('a new process (another pid or start time) is remembered', () => {
    const steady = steadyAfter(70);
    const out = evaluateCheck({ spec, state: steady, observation: procObs(figures({ cpuPercent: 1, pid: 99, startTime: 5 })), now: T0 + 100 });
    assert.deepEqual(out.state.identity, { pid: 99, startTime: 5 });
  });
});
