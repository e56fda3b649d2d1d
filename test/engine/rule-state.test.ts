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
    assert.equal(countResults('1011', 3, true), 2);
    assert.equal(countResults('1011', 3, false), 1);
    assert.equal(countResults('', 5, true), 0);
    assert.equal(countResults('1'.repeat(HISTORY_LENGTH), 100, true), HISTORY_LENGTH);
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
    assert.equal(last.history, '1');
  });

  test('a transition fills the whole history with the new polarity', () => {
    const { last } = feed('F', rate(1, 1));
    assert.equal(last.history, '1'.repeat(HISTORY_LENGTH));
    const back = feed('FS', rate(1, 1)).last;
    assert.equal(back.history, '0'.repeat(HISTORY_LENGTH));
  });

  test('the history never grows beyond 64 results', () => {
    const { last } = feed('S'.repeat(100), rate(1, 1));
    assert.equal(last.history, '0'.repeat(HISTORY_LENGTH));
    const mixed = feed(`F${'S'.repeat(62)}FS`, rate(3, 3)).last;
    assert.equal(mixed.history, `01${'0'.repeat(62)}`, 'newest first; the oldest falls off at 64');
  });

  test('the JSON of a rule state with a full history stays small (no arrays of booleans)', () => {
    const { last } = feed('FSFSFFSSFS'.repeat(10), rate(3, 5));
    assert.equal(last.history.length, HISTORY_LENGTH);
    const json = JSON.stringify(last);
    assert.ok(json.length < 200, `${json.length} bytes: ${json}`);
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
    assert.equal(settled.next.history.slice(0, 5), '01100');
  });
});

/** The boolean[] history stepRule had before histories became strings, kept here as the reference behaviour. */
function arrayReference(results: string, r: Rate, recovery: Rate) {
  let state: RuleState['state'] = 'init';
  let history: boolean[] = [];
  const count = (cycles: number, failed: boolean) => history.slice(0, cycles).filter((h) => h === failed).length;
  const transitions: Transition[] = [];
  for (const c of results) {
    const failed = c === 'F';
    history = [failed, ...history].slice(0, HISTORY_LENGTH);
    let t: Transition = null;
    if (failed && state !== 'failed' && count(r.cycles, true) >= r.count) t = 'failed';
    else if (!failed && state === 'failed' && count(recovery.cycles, false) >= recovery.count) t = 'succeeded';
    else if (!failed && state !== 'failed' && state !== 'succeeded') t = 'silent';
    if (t === 'failed' || t === 'succeeded') history = new Array<boolean>(HISTORY_LENGTH).fill(t === 'failed');
    if (t !== null) state = t === 'silent' ? 'succeeded' : t;
    transitions.push(t);
  }
  return { transitions, history: history.map((h) => (h ? '1' : '0')).join('') };
}

describe('stepRule equals the former boolean[] history', () => {
  // Deterministic pseudo-random result sequences, long enough to wrap the 64-result history several times.
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const rates: Array<[Rate, Rate]> = [[rate(1, 1), rate(1, 1)], [rate(3, 3), rate(2, 2)], [rate(2, 5), rate(3, 4)], [rate(10, 64), rate(5, 64)], [rate(64, 64), rate(1, 1)]];
  for (const [r, recovery] of rates) {
    for (const bias of [0.1, 0.5, 0.9]) {
      test(`${r.count} within ${r.cycles}, recovery ${recovery.count} within ${recovery.cycles}, failure share ${bias}`, () => {
        const results = Array.from({ length: 300 }, () => (next() < bias ? 'F' : 'S')).join('');
        const got = feed(results, r, recovery);
        const want = arrayReference(results, r, recovery);
        assert.deepEqual(got.transitions, want.transitions);
        assert.equal(got.last.history, want.history);
        // Short runs too: there a history with no failure is padded to the full one (a missing result is no
        // failure), which must not change a single transition.
        for (let length = 1; length <= 20; length++) {
          const start = Math.floor(next() * 280);
          const short = results.slice(start, start + length);
          assert.deepEqual(feed(short, r, recovery).transitions, arrayReference(short, r, recovery).transitions, short);
        }
      });
    }
  }
});
