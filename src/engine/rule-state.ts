// monit's event state machine for one (service, rule) pair: a 64-result history (rule-history.ts) and a state.
import type { Rule } from '../model/rule.ts';
import type { RuleState } from '../model/state.ts';
import { HISTORY_LENGTH, countResults, filledHistory, prependResult } from './rule-history.ts';

export { HISTORY_LENGTH, countResults } from './rule-history.ts';

export function initialRuleState(): RuleState {
  return { state: 'init', history: '', sinceFired: 0 };
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
  let history = prependResult(failed, prev.history);
  // Outside the failed state only failures are counted (a missing result is no failure), so a history without
  // one is the full one: a new rule is steady, and its state file quiet, from its first check on.
  if (!failed && prev.state !== 'failed' && history.length < HISTORY_LENGTH && !history.includes('1')) {
    history = filledHistory(false);
  }
  // A steady rule (same full history, same message) keeps its state object: nothing is built each check.
  const base: RuleState = history === prev.history && message === prev.message ? prev : { ...prev, history, message };
  if (failed) {
    if (prev.state !== 'failed' && countResults(history, rule.rate.cycles, true) >= rule.rate.count) {
      return { next: { ...base, state: 'failed', history: filledHistory(true), sinceFired: 0 }, transition: 'failed' };
    }
    return { next: base, transition: null };
  }
  if (prev.state === 'failed') {
    const rate = rule.recovery.rate;
    if (countResults(history, rate.cycles, false) >= rate.count) {
      return { next: { ...base, state: 'succeeded', history: filledHistory(false), sinceFired: 0 }, transition: 'succeeded' };
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
  const history = prependResult(changed, prev.history);
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
