import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alertable, FailureLatch } from '../../src/daemon/alerts-policy.ts';
import type { EventDraft } from '../../src/model/event.ts';

const e = (over: Partial<EventDraft>): EventDraft => ({ service: 'web', kind: 'nonexist', state: 'failed', message: 'm', ...over });

describe('which events alert', () => {
  const cases: Array<[string, EventDraft, boolean]> = [
    ['a rule failure with restart (monit mails whatever the action)', e({ rule: 'r', action: 'restart' }), true],
    ['a rule failure with alert', e({ rule: 'r', action: 'alert' }), true],
    ['a recovery (default action alert)', e({ state: 'succeeded', rule: 'r', action: 'alert' }), true],
    ['a recovery with `else if succeeded then ignore`', e({ state: 'succeeded', rule: 'r' }), false],
    ['a change', e({ kind: 'pid', state: 'changed', rule: 'r', action: 'alert' }), true],
    ['tsmonit started', e({ kind: 'instance', state: 'info', action: 'start' }), true],
    ["a user's action, done", e({ kind: 'action', state: 'info', action: 'stop', result: 'ok', user: 'admin' }), true],
    ['a user action only requested', e({ kind: 'action', state: 'info', action: 'stop' }), false],
    ['a rule-driven start, done (its failure was announced)', e({ kind: 'action', state: 'info', action: 'start', result: 'ok', rule: 'r' }), false],
    ['an exec action that ran fine', e({ kind: 'exec', state: 'info', action: 'exec', result: 'ok', rule: 'r' }), false],
    ['a failed start program', e({ kind: 'exec', state: 'failed', action: 'start', rule: 'r' }), true],
  ];
  for (const [name, event, want] of cases) test(name, () => assert.equal(alertable(event), want));
});

describe('failure latch', () => {
  test('a failed start is announced once until something succeeds', () => {
    const latch = new FailureLatch();
    const failed = e({ kind: 'exec', state: 'failed' });
    assert.equal(latch.admit(failed), true);
    assert.equal(latch.admit(failed), false);
    assert.equal(latch.admit(e({ kind: 'exec', state: 'failed', service: 'db' })), true, 'per service');
    assert.equal(latch.admit(e({ kind: 'exec', state: 'succeeded' })), true);
    assert.equal(latch.admit(failed), true);
  });
  test('rule events pass: they are transitions already', () => {
    const latch = new FailureLatch();
    assert.equal(latch.admit(e({ rule: 'r' })), true);
    assert.equal(latch.admit(e({ rule: 'r' })), true);
  });
});
