import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCheck } from '../../src/engine/check.ts';
import { restartsWithin } from '../../src/engine/restart-limits.ts';
import { initialServiceState, recordStart } from '../../src/engine/service-state.ts';
import { T0, actionTypes, cmd, figures, limit, nonexistRule, procObs, processSpec, runChecks } from './helpers.ts';

const down = procObs(null);
const up = procObs(figures());

describe('restartsWithin', () => {
  test('counts restarts at the last N checks, the current one included', () => {
    assert.equal(restartsWithin([1, 2, 3], 4, 5), 3);
    assert.equal(restartsWithin([1, 2, 3], 6, 5), 2);
    assert.equal(restartsWithin([1, 2, 3], 9, 5), 0);
  });
});

describe('restart limits', () => {
  test('3 restarts within 5 cycles then unmonitor: the 4th check stops trying', () => {
    const spec = processSpec({ rules: [nonexistRule()], restartLimits: [limit(3, 5)] });
    const { outputs, state } = runChecks(spec, [down, down, down, down, down]);
    assert.deepEqual(outputs.map((o) => actionTypes(o).join() || '-'), ['restart', 'restart', 'restart', 'unmonitor', '-']);
    const fired = outputs[3]!;
    assert.deepEqual(fired.events.map((e) => [e.kind, e.state, e.message, e.action]), [
      ['timeout', 'failed', 'service restarted 3 times within 5 cycle(s) - unmonitor', 'unmonitor'],
    ]);
    assert.equal(fired.state.actionFailures.timeout, 'service restarted 3 times within 5 cycle(s) - unmonitor');
    assert.deepEqual(fired.state.restarts, []);
    assert.equal(fired.state.restartsTotal, 3);
    assert.equal(state.monitoring, 'not monitored');
  });

  test('checks between cycles do not stretch the window: a crash loop inside one cycle is caught', () => {
    const spec = processSpec({ rules: [nonexistRule()], restartLimits: [limit(3, 5)] });
    let state = initialServiceState(spec);
    const seen: string[] = [];
    const check = (observation: typeof down, outOfCycle: boolean) => {
      const out = evaluateCheck({ spec, state, observation, now: T0, outOfCycle });
      seen.push(actionTypes(out).join() || '-');
      state = out.state;
      if (actionTypes(out).includes('restart')) state = recordStart(state, true);
    };
    // One regular check; then, inside the same cycle, each start is checked early (up) and each crash too (down).
    check(down, false);
    check(up, true);
    check(down, true);
    check(up, true);
    check(down, true);
    check(up, true);
    assert.deepEqual(seen, ['restart', 'alert', 'restart', 'alert', 'restart', 'unmonitor'], 'recoveries alert; the third restart trips the limit');
    assert.equal(state.checks, 1, 'only the regular check counted as a cycle');
  });

  test('alert variant: the limit alerts, counters clear, and the rules go on', () => {
    const spec = processSpec({ rules: [nonexistRule()], restartLimits: [limit(3, 5, { type: 'alert' })] });
    const { outputs, state } = runChecks(spec, [down, down, down, down, down]);
    assert.deepEqual(outputs.map((o) => actionTypes(o).join()), ['restart', 'restart', 'restart', 'alert,restart', 'restart']);
    assert.deepEqual(outputs[3]?.events.map((e) => e.kind), ['timeout']);
    assert.ok(state.actionFailures.timeout);
    assert.deepEqual(state.restarts, [4, 5]);
  });

  test('exec variant carries its command', () => {
    const spec = processSpec({ rules: [nonexistRule()], restartLimits: [limit(2, 3, { type: 'exec', command: cmd('/bin/page') })] });
    const { outputs } = runChecks(spec, [down, down, down]);
    const exec = outputs[2]?.actions.find((a) => a.type === 'exec');
    assert.deepEqual(exec?.command, cmd('/bin/page'));
  });

  test('the window slides: restarts that fall out of it no longer count', () => {
    const spec = processSpec({ rules: [nonexistRule()], restartLimits: [limit(3, 5)] });
    const spread = runChecks(spec, [down, up, down, up, up, down, up]);
    assert.ok(spread.outputs.every((o) => !actionTypes(o).includes('unmonitor')));
    assert.equal(spread.state.restartsTotal, 3);
    const dense = runChecks(spec, [down, down, up, down, up]);
    assert.deepEqual(actionTypes(dense.outputs[4]!), ['unmonitor']);
  });

  test('a timeout is cleared once the process is seen running again', () => {
    const spec = processSpec({ rules: [nonexistRule()], restartLimits: [limit(1, 5, { type: 'alert' })] });
    const { outputs } = runChecks(spec, [down, down, up]);
    assert.ok(outputs[1]?.state.actionFailures.timeout);
    assert.equal(outputs[2]?.state.actionFailures.timeout, undefined);
    assert.ok(outputs[2]?.events.some((e) => e.kind === 'timeout' && e.state === 'succeeded'));
  });

  test('user starts are not counted', () => {
    const spec = processSpec({ rules: [], restartLimits: [limit(1, 5)] });
    let byUser = initialServiceState(spec);
    let byRule = initialServiceState(spec);
    for (let i = 0; i < 3; i++) {
      byUser = recordStart(evaluateCheck({ spec, state: byUser, observation: up, now: T0 }).state, false);
      byRule = recordStart(evaluateCheck({ spec, state: byRule, observation: up, now: T0 }).state, true);
    }
    assert.deepEqual(evaluateCheck({ spec, state: byUser, observation: up, now: T0 }).events, []);
    assert.deepEqual(evaluateCheck({ spec, state: byRule, observation: up, now: T0 }).events.map((e) => e.kind), ['timeout']);
  });
});
