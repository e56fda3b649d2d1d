// Actions as checks repeat: what fires on the transition, what fires again, what recovery does.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCheck } from '../../src/engine/check.ts';
import type { ActionSpec } from '../../src/model/rule.ts';
import { T0, actionTypes, cmd, cpuRule, figures, monitored, nonexistRule, procObs, processSpec, rate, runChecks } from './helpers.ts';

const hot = procObs(figures({ cpuPercent: 90 }));
const cool = procObs(figures({ cpuPercent: 5 }));

function actionsOver(action: ActionSpec, seq: unknown[], o: { mode?: 'active' | 'passive' | 'manual'; recovery?: ActionSpec } = {}) {
  const spec = processSpec({ mode: o.mode ?? 'active', rules: [cpuRule(50, { action, ...(o.recovery ? { recovery: o.recovery } : {}) })] });
  const { outputs } = runChecks(spec, seq as ReturnType<typeof procObs>[], monitored(spec));
  return outputs.map((out) => actionTypes(out).join(',') || '-');
}

describe('repetition while a rule stays failed', () => {
  test('restart fires on the transition and on every failing check', () => {
    assert.deepEqual(actionsOver({ type: 'restart' }, [hot, hot, hot, hot]), ['restart', 'restart', 'restart', 'restart']);
  });

  for (const type of ['start', 'stop'] as const) {
    test(`${type} fires every failing check too`, () => {
      assert.deepEqual(actionsOver({ type }, [hot, hot, hot]), [type, type, type]);
    });
  }

  test('unmonitor fires again on every failing check until the daemon carries it out', () => {
    const spec = processSpec({ rules: [cpuRule(50, { action: { type: 'unmonitor' } })] });
    let state = monitored(spec);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const out = evaluateCheck({ spec, state, observation: hot, now: T0 + i });
      seen.push(actionTypes(out).join());
      state = out.state;
    }
    assert.deepEqual(seen, ['unmonitor', 'unmonitor', 'unmonitor']);
    // The helper plays the daemon: once unmonitored, nothing is checked any more.
    assert.deepEqual(actionsOver({ type: 'unmonitor' }, [hot, hot]), ['unmonitor', '-']);
  });

  test('alert fires on the transition only', () => {
    assert.deepEqual(actionsOver({ type: 'alert' }, [hot, hot, hot, hot, cool]), ['alert', '-', '-', '-', 'alert']);
  });

  test('alert reminder every 3 failing checks', () => {
    assert.deepEqual(actionsOver({ type: 'alert', reminder: 3 }, [hot, hot, hot, hot, hot, hot, hot]), ['alert', '-', '-', 'alert', '-', '-', 'alert']);
  });

  test('exec repeats every 2 failing checks', () => {
    const exec: ActionSpec = { type: 'exec', command: cmd('/bin/page'), repeatEvery: 2 };
    assert.deepEqual(actionsOver(exec, [hot, hot, hot, hot, hot]), ['exec', '-', 'exec', '-', 'exec']);
  });

  test('exec without repeat fires once', () => {
    assert.deepEqual(actionsOver({ type: 'exec', command: cmd('/bin/page') }, [hot, hot, hot]), ['exec', '-', '-']);
  });

  test('the planned exec carries its command and its reason', () => {
    const spec = processSpec({ rules: [cpuRule(50, { action: { type: 'exec', command: cmd('/bin/page ops') } })] });
    const { outputs } = runChecks(spec, [hot], monitored(spec));
    const planned = outputs[0]?.actions[0];
    assert.deepEqual(planned?.command, cmd('/bin/page ops'));
    assert.equal(planned?.ruleId, 'cpu');
    assert.match(planned?.reason ?? '', /cpu usage of 90%/);
  });

  test('no repetition while below the recovery threshold but not failing again', () => {
    const spec = processSpec({ rules: [cpuRule(50, { action: { type: 'restart' }, recoveryRate: rate(3, 3) })] });
    const { outputs } = runChecks(spec, [hot, cool, cool, hot], monitored(spec));
    assert.deepEqual(outputs.map((o) => actionTypes(o).join() || '-'), ['restart', '-', '-', 'restart']);
  });
});

describe('recovery', () => {
  test('default recovery action is an alert', () => {
    assert.deepEqual(actionsOver({ type: 'restart' }, [hot, cool]), ['restart', 'alert']);
  });

  test('ignore: no action, but the event is recorded', () => {
    const spec = processSpec({ rules: [cpuRule(50, { recovery: { type: 'ignore' } })] });
    const { outputs } = runChecks(spec, [hot, cool], monitored(spec));
    assert.deepEqual(outputs[1]?.actions, []);
    assert.deepEqual(outputs[1]?.events.map((e) => [e.kind, e.state, e.action]), [['resource', 'succeeded', undefined]]);
  });

  test('exec on recovery', () => {
    assert.deepEqual(actionsOver({ type: 'alert' }, [hot, cool], { recovery: { type: 'exec', command: cmd('/bin/ok') } }), ['alert', 'exec']);
  });
});

describe('mode', () => {
  test('passive: restart becomes an alert, once, and the event says so', () => {
    const spec = processSpec({ mode: 'passive', rules: [nonexistRule()] });
    const { outputs } = runChecks(spec, [procObs(null), procObs(null), procObs(null)], monitored(spec));
    assert.deepEqual(outputs.map((o) => actionTypes(o).join() || '-'), ['alert', '-', '-']);
    assert.equal(outputs[0]?.events[0]?.action, 'alert');
  });

  test('manual behaves like passive for rule actions', () => {
    assert.deepEqual(actionsOver({ type: 'stop' }, [hot, hot], { mode: 'manual' }), ['alert', '-']);
  });

  test('a process check without start or restart program can only alert', () => {
    const spec = processSpec({ start: undefined, rules: [nonexistRule()] });
    const { outputs } = runChecks(spec, [procObs(null), procObs(null)], monitored(spec));
    assert.deepEqual(outputs.map((o) => actionTypes(o).join() || '-'), ['alert', '-']);
  });
});

describe('priority among rules in one check', () => {
  test('one control action, chosen unmonitor > stop > restart > start, plus every alert and exec', () => {
    const spec = processSpec({
      rules: [
        cpuRule(50, { id: 'a', action: { type: 'start' } }),
        cpuRule(50, { id: 'b', action: { type: 'alert' } }),
        cpuRule(50, { id: 'c', action: { type: 'stop' } }),
        cpuRule(50, { id: 'd', action: { type: 'restart' } }),
        cpuRule(50, { id: 'e', action: { type: 'exec', command: cmd('/bin/x') } }),
      ],
    });
    const { outputs } = runChecks(spec, [hot], monitored(spec));
    assert.deepEqual(actionTypes(outputs[0]!), ['alert', 'stop', 'exec']);
    assert.equal(outputs[0]?.events.length, 5);
  });
});
