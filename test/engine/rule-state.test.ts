import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { countResults, HISTORY_LENGTH, initialRuleState, stepChanged, stepRule, type Transition } from '../../src/engine/rule-state.ts';
import type { Rate } from '../../src/model/rule.ts';
import type { RuleState } from '../../src/model/state.ts';
import { rate } from './helpers.ts';

/** Feed results (F = failure, S = success) and collect the transitions and states. */
function feed(results: string, r: Rate, recovery: Rate = rate(1, 1)) {
  let s: RuleState = initialRuleState();
  const transitions: Transition[] = [];
  const states: string[] = [];
  for (const c of results) {
    const step = stepRule(s, c === 'F', { rate: r, recovery: { action: { type: 'alert' }, rate: recovery } }, c);
    s = step.next;
    transitions.push(step.transition);
    states.push(s.state);
  }
  return { transitions, states, last: s };
}

describe('countResults', () => {
  test('counts only the newest cycles', () => {
    assert.equal(countResults([true, false, true, true], 3, true), 2);
    assert.equal(countResults([true, false, true, true], 3, false), 1);
    assert.equal(countResults([], 5, true), 0);
  });
});

describe('stepRule transitions', () => {
  const cases: Array<{ name: string; results: string; rate: Rate; recovery?: Rate; transitions: Transition[] }> = [
    { name: 'first result a success: succeeded, silently', results: 'S', rate: rate(1, 1), transitions: ['silent'] },
    { name: 'init -> failed on the first failure without a rate', results: 'F', rate: rate(1, 1), transitions: ['failed'] },
    { name: 'failed -> succeeded on the first success', results: 'FS', rate: rate(1, 1), transitions: ['failed', 'succeeded'] },
    { name: 'repeated failures are one transition', results: 'FFF', rate: rate(1, 1), transitions: ['failed', null, null] },
    { name: 'for 3 cycles needs 3 in a row', results: 'FFSFFF', rate: rate(3, 3), transitions: [null, null, 'silent', null, null, 'failed'] },
    { name: '2 within 4: two failures among the last four', results: 'FSSF', rate: rate(2, 4), transitions: [null, 'silent', null, 'failed'] },
    { name: '2 within 4: failures five apart do not count', results: 'FSSSF', rate: rate(2, 4), transitions: [null, 'silent', null, null, null] },
    {
      name: 'history overwritten after a transition: the next one needs a full count again',
      results: 'FFSF',
      rate: rate(2, 3),
      transitions: [null, 'failed', 'succeeded', null],
    },
    { name: 'recovery rate: 3 successes in a row', results: 'FSSFSSS', rate: rate(1, 1), recovery: rate(3, 3), transitions: ['failed', null, null, null, null, null, 'succeeded'] },
    { name: 'recovery 2 within 3 tolerates one failure', results: 'FSFS', rate: rate(1, 1), recovery: rate(2, 3), transitions: ['failed', null, null, 'succeeded'] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.deepEqual(feed(c.results, c.rate, c.recovery).transitions, c.transitions);
    });
  }

  test('failures below the threshold leave the state init and keep the message', () => {
    const { last } = feed('F', rate(3, 3));
    assert.equal(last.state, 'init');
    assert.equal(last.message, 'F');
    assert.deepEqual(last.history, [true]);
  });

  test('a transition fills the whole history with the new polarity', () => {
    const { last } = feed('F', rate(1, 1));
    assert.equal(last.history.length, HISTORY_LENGTH);
    assert.ok(last.history.every((h) => h));
  });

  test('the history never grows beyond 64 results', () => {
    const { last } = feed('S'.repeat(100), rate(1, 1));
    assert.equal(last.history.length, HISTORY_LENGTH);
  });
});

describe('stepChanged', () => {
  test('first sight stores the reference silently, each difference is a change', () => {
    const first = stepChanged(initialRuleState(), 42, 'pid 42');
    assert.equal(first.changedFrom, null);
    assert.equal(first.next.reference, 42);
    assert.equal(first.next.state, 'succeeded');
    const same = stepChanged(first.next, 42, 'pid 42');
    assert.equal(same.changedFrom, null);
    const changed = stepChanged(same.next, 43, 'pid 43');
    assert.equal(changed.changedFrom, 42);
    assert.equal(changed.next.state, 'changed');
    assert.equal(changed.next.reference, 43);
    const again = stepChanged(changed.next, 44, 'pid 44');
    assert.equal(again.changedFrom, 43);
    const settled = stepChanged(again.next, 44, 'pid 44');
    assert.equal(settled.next.state, 'succeeded');
    assert.deepEqual(settled.next.history.slice(0, 5), [false, true, true, false, false]);
  });
});
