// One rule in one check: its outcome through the state machine, into events and planned actions.
import type { PlannedAction } from '../model/evaluation.ts';
import type { EventDraft } from '../model/event.ts';
import type { Observation } from '../model/observation.ts';
import type { Rule } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { RuleState } from '../model/state.ts';
import { eventKindOf } from './event-kinds.ts';
import { observeRule } from './observe-rule.ts';
import type { Outcome } from './outcome.ts';
import { effectiveAction, firesAgain, plannedAction } from './planned-actions.ts';
import { initialRuleState, stepChanged, stepRule } from './rule-state.ts';
import { ruleInWords } from './rule-words.ts';

export interface RuleCheck {
  /** undefined: the rule was skipped and has never been evaluated (it stays absent). */
  state: RuleState | undefined;
  events: EventDraft[];
  actions: PlannedAction[];
}

type Result = Extract<Outcome, { kind: 'result' }>;
type Value = Extract<Outcome, { kind: 'value' }>;

function fire(spec: ServiceSpec, rule: Rule, which: 'action' | 'recovery', message: string, figures: Result['figures']) {
  const action = effectiveAction(spec, which === 'action' ? rule.action : rule.recovery.action);
  const words = ruleInWords(rule);
  const event: EventDraft = {
    service: spec.name,
    kind: eventKindOf(rule.test),
    state: which === 'action' ? 'failed' : 'succeeded',
    message,
    rule: words,
  };
  if (action.type !== 'ignore') event.action = action.type;
  if (figures) event.figures = figures;
  const planned = plannedAction(action, { ruleId: rule.id, rule: words, reason: message, ...(figures ? { figures } : {}) });
  return { event, actions: planned ? [planned] : [] };
}

function thresholdRule(spec: ServiceSpec, rule: Rule, prev: RuleState, outcome: Result): RuleCheck {
  const stepped = stepRule(prev, outcome.failed, rule, outcome.message);
  const { transition } = stepped;
  // A reference is kept from its first sight on (a checksum without `expect`); later ones do not replace it.
  const next = outcome.reference !== undefined && (prev.reference === undefined || prev.reference === null)
    ? { ...stepped.next, reference: outcome.reference }
    : stepped.next;
  if (transition === 'failed' || transition === 'succeeded') {
    const { event, actions } = fire(spec, rule, transition === 'failed' ? 'action' : 'recovery', outcome.message, outcome.figures);
    return { state: next, events: [event], actions };
  }
  if (next.state !== 'failed' || !outcome.failed) return { state: next, events: [], actions: [] };
  // Still failing after the transition: some actions fire again.
  const sinceFired = prev.sinceFired + 1;
  const action = effectiveAction(spec, rule.action);
  if (!firesAgain(action, sinceFired)) return { state: { ...next, sinceFired }, events: [], actions: [] };
  const ctx = { ruleId: rule.id, rule: ruleInWords(rule), reason: outcome.message, ...(outcome.figures ? { figures: outcome.figures } : {}) };
  const planned = plannedAction(action, ctx);
  return { state: { ...next, sinceFired: 0 }, events: [], actions: planned ? [planned] : [] };
}

function changedRule(spec: ServiceSpec, rule: Rule, prev: RuleState, outcome: Value): RuleCheck {
  const { next, changedFrom } = stepChanged(prev, outcome.value, outcome.message);
  if (changedFrom === null) return { state: next, events: [], actions: [] };
  const message = outcome.changeMessage(changedFrom);
  const figures = { from: changedFrom, to: outcome.value };
  const { event, actions } = fire(spec, rule, 'action', message, figures);
  return { state: { ...next, message }, events: [{ ...event, state: 'changed' }], actions };
}

export function checkRule(spec: ServiceSpec, rule: Rule, prev: RuleState | undefined, obs: Observation): RuleCheck {
  const outcome = observeRule(spec, rule, obs, prev?.reference);
  if (outcome.kind === 'skip') return { state: prev, events: [], actions: [] };
  const current = prev ?? initialRuleState();
  return outcome.kind === 'value' ? changedRule(spec, rule, current, outcome) : thresholdRule(spec, rule, current, outcome);
}
