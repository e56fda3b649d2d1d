import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyUserAction, initialServiceState, recordStart } from '../../src/engine/service-state.ts';
import type { ServiceState } from '../../src/model/state.ts';
import { processSpec } from './helpers.ts';

const busy = (): ServiceState => ({
  ...initialServiceState(processSpec()),
  monitoring: 'monitored',
  checks: 9,
  restarts: [7, 8],
  restartsTotal: 5,
  identity: { pid: 1, startTime: 2 },
  actionFailures: { exec: 'failed to start' },
  rules: { r: { state: 'failed', history: '1', sinceFired: 0 } },
});

describe('initialServiceState', () => {
  test('initializing and empty', () => {
    assert.deepEqual(initialServiceState(processSpec()), {
      name: 'web', type: 'process', monitoring: 'initializing', rules: {}, restarts: [], restartsTotal: 0, checks: 0,
      identity: null, actionFailures: {}, lastCheck: null,
    });
  });
});

describe('recordStart', () => {
  test('a rule-triggered start counts at the current check and expects a new process', () => {
    const s = recordStart(busy(), true);
    assert.deepEqual(s.restarts, [7, 8, 9]);
    assert.equal(s.restartsTotal, 6);
    assert.equal(s.identity, null);
  });
  test('a user start is not counted', () => {
    const s = recordStart(busy(), false);
    assert.deepEqual(s.restarts, [7, 8]);
    assert.equal(s.restartsTotal, 5);
    assert.equal(s.identity, null);
  });
});

describe('applyUserAction', () => {
  for (const action of ['unmonitor', 'stop'] as const) {
    test(`${action}: not monitored, counters and errors cleared`, () => {
      const s = applyUserAction(busy(), action);
      assert.equal(s.monitoring, 'not monitored');
      assert.deepEqual([s.rules, s.restarts, s.actionFailures], [{}, [], {}]);
      assert.equal(s.restartsTotal, 5);
    });
  }

  for (const action of ['monitor', 'start', 'restart'] as const) {
    test(`${action} on a service not monitored: initializing, fresh rules`, () => {
      const off = applyUserAction(busy(), 'unmonitor');
      const s = applyUserAction({ ...off, rules: { r: { state: 'failed', history: '1', sinceFired: 0 } } }, action);
      assert.equal(s.monitoring, 'initializing');
      assert.deepEqual(s.rules, {});
    });
    test(`${action} on a monitored service changes nothing`, () => {
      const b = busy();
      assert.deepEqual(applyUserAction(b, action), b);
    });
  }
});
