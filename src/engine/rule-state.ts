// monit's event state machine for one (service, rule) pair: a 64-result history and a state.
import type { Rule } from '../model/rule.ts';
import type { RuleState } from '../model/state.ts';

export const HISTORY_LENGTH = 64;

export function initialRuleState(): RuleState {
  return { state: 'init', history: [], sinceFired: 0 };
}

/** How many of the newest `cycles` results equal `failed`. */
export function countResults(history: readonly boolean[], cycles: number, failed: boolean): number {
  let n = 0;
  const end = Math.min(cycles, history.length);
  for (let i = 0; i < end; i++) if (history[i] === failed) n += 1;
  return n;
}

/** The newest result first, at most HISTORY_LENGTH: one new array per check of every rule, so built directly. */
function prepend(result: boolean, history: readonly boolean[]): boolean[] {
  const length = Math.min(HISTORY_LENGTH, history.length + 1);
  const next = new Array<boolean>(length);
  next[0] = result;
  for (let i = 1; i < length; i++) next[i] = history[i - 1]!;
  return next;
}

function filled(failed: boolean): boolean[] {
  return new Array<boolean>(HISTORY_LENGTH).fill(failed);
}

/** 'failed'/'succeeded': a real transition (an event). 'silent': init -> succeeded. null: no change. */
export type Transition = 'failed' | 'succeeded' | 'silent' | null;

/**
 * One result of a threshold or connection rule. A transition needs `count` of the last `cycles` results with the
 * new polarity; afterwards the whole history holds the new polarity, so the next one again needs a full count.
 */
export function stepRule(
  prev: RuleState,
  failed: boolean,
  rule: Pick<Rule, 'rate' | 'recovery'>,
  message: string,
): { next: RuleState; transition: Transition } {
  const history = prepend(failed, prev.history);
  const base: RuleState = { ...prev, history, message };
  if (failed) {
    if (prev.state !== 'failed' && countResults(history, rule.rate.cycles, true) >= rule.rate.count) {
      return { next: { ...base, state: 'failed', history: filled(true), sinceFired: 0 }, transition: 'failed' };
    }
    return { next: base, transition: null };
  }
  if (prev.state === 'failed') {
    const rate = rule.recovery.rate;
    if (countResults(history, rate.cycles, false) >= rate.count) {
      return { next: { ...base, state: 'succeeded', history: filled(false), sinceFired: 0 }, transition: 'succeeded' };
    }
    return { next: base, transition: null };
  }
  // Never failed: a success is not a recovery. Sub-threshold failures stay in the history and still count.
  if (prev.state !== 'succeeded') return { next: { ...base, state: 'succeeded' }, transition: 'silent' };
  return { next: base, transition: null };
}

/**
 * One value of a `changed` test. First sight stores the reference silently; every difference is a change
 * (monit: a changed result always counts as a transition), after which the reference follows.
 */
export function stepChanged(
  prev: RuleState,
  value: string | number,
  message: string,
): { next: RuleState; changedFrom: string | number | null } {
  const reference = prev.reference;
  const changed = reference !== undefined && reference !== null && reference !== value;
  const history = prepend(changed, prev.history);
  const next: RuleState = {
    ...prev,
    history,
    reference: value,
    message,
    state: changed ? 'changed' : 'succeeded',
    sinceFired: changed ? 0 : prev.sinceFired,
  };
  return { next, changedFrom: changed ? reference : null };
}
