// One completed check of one service: restart limits, process identity, every rule.
import type { CheckInput, CheckOutput, PlannedAction } from '../model/evaluation.ts';
import type { EventDraft } from '../model/event.ts';
import type { Observation } from '../model/observation.ts';
import type { Rule } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { RuleState, ServiceState } from '../model/state.ts';
import { selectActions } from './planned-actions.ts';
import { applyRestartLimits } from './restart-limits.ts';
import { checkRule } from './rule-check.ts';
import { pathTypeProblem } from './path-tests.ts';

/** Shared empties for the usual check that raises nothing (never pushed to: callers spread them). */
const NONE_EVENTS: readonly EventDraft[] = [];
const NONE_ACTIONS: readonly PlannedAction[] = [];

const REPAIRED = {
  exec: 'process is running after previous exec error (slow starting or manually recovered?)',
  timeout: 'process is running after previous restart timeout (manually recovered?)',
} as const;

/**
 * A process seen running: remember who it is, and clear exec/timeout failures set before this check
 * (monit's rule for a service that was repaired by hand or started slowly).
 */
function processSeen(spec: ServiceSpec, before: ServiceState, state: ServiceState, obs: Observation) {
  const found = obs.process?.found;
  if (spec.type !== 'process' || !found) return { state, events: NONE_EVENTS, actions: NONE_ACTIONS };
  const repaired = (['exec', 'timeout'] as const).filter((kind) => before.actionFailures[kind] !== undefined);
  const known = state.identity;
  // The usual check: the same process as before and nothing to clear; the state is left as it is.
  if (repaired.length === 0 && known?.pid === found.pid && known.startTime === found.startTime) {
    return { state, events: NONE_EVENTS, actions: NONE_ACTIONS };
  }
  const failures = { ...state.actionFailures };
  const events: EventDraft[] = [];
  const actions: PlannedAction[] = [];
  for (const kind of repaired) {
    delete failures[kind];
    events.push({ service: spec.name, kind, state: 'succeeded', message: REPAIRED[kind], action: 'alert' });
    actions.push({ type: 'alert', reason: REPAIRED[kind] });
  }
  const identity = { pid: found.pid, startTime: found.startTime };
  return { state: { ...state, identity, actionFailures: failures }, events, actions };
}

/**
 * monit's implicit "invalid type" test (a `check directory` that finds a file): an `invalid` failure that is not a
 * rule's, raised and cleared like exec failures. While it stands, only existence rules are evaluated.
 */
function pathTypeSeen(spec: ServiceSpec, state: ServiceState, obs: Observation) {
  const problem = pathTypeProblem(spec.type, obs.path);
  const before = state.actionFailures.invalid;
  if (problem === null && before === undefined) return { state, events: NONE_EVENTS, actions: NONE_ACTIONS, invalid: false };
  const events: EventDraft[] = [];
  const actions: PlannedAction[] = [];
  const failures = { ...state.actionFailures };
  if (problem !== null && before === undefined) {
    failures.invalid = problem;
    events.push({ service: spec.name, kind: 'invalid', state: 'failed', message: problem, action: 'alert' });
    actions.push({ type: 'alert', reason: problem });
  } else if (problem === null && before !== undefined && obs.path?.stat) {
    delete failures.invalid;
    const message = `${obs.path.path} has the expected type again`;
    events.push({ service: spec.name, kind: 'invalid', state: 'succeeded', message, action: 'alert' });
    actions.push({ type: 'alert', reason: message });
  }
  return { state: { ...state, actionFailures: failures }, events, actions, invalid: problem !== null };
}

/** The content read this check moves the cursor (kept in state, so each line is read once, across restarts). */
function contentCursorOf(state: ServiceState, obs: Observation): ServiceState {
  const content = obs.path?.content;
  if (!content || content.error) return state;
  return { ...state, contentCursor: content.cursor };
}

function isExistenceRule(rule: Rule): boolean {
  const t = rule.test;
  return t.kind === 'nonexist' || t.kind === 'exist' || (t.kind === 'changed' && (t.target === 'pid' || t.target === 'ppid'));
}

export function evaluateCheck(input: CheckInput): CheckOutput {
  const { spec, observation: obs, now } = input;
  // A service that is not monitored is not checked; the daemon should not ask, and nothing changes if it does.
  if (input.state.monitoring === 'not monitored') return { state: input.state, events: [], actions: [] };
  const counted: ServiceState = {
    ...input.state,
    checks: input.state.checks + (input.outOfCycle ? 0 : 1),
    lastCheck: now,
    monitoring: 'monitored',
  };
  const limits = applyRestartLimits(spec, counted);
  if (limits.unmonitors) return { state: limits.state, events: limits.events, actions: selectActions(limits.actions) };

  const processed = processSeen(spec, input.state, limits.state, obs);
  const typed = pathTypeSeen(spec, processed.state, obs);
  const seen = { state: contentCursorOf(typed.state, obs) };
  const events = [...limits.events, ...processed.events, ...typed.events];
  const actions = [...limits.actions, ...processed.actions, ...typed.actions];
  const rules: Record<string, RuleState> = {};
  // A check whose every rule state is the one before keeps the previous rules object (the steady state).
  let same = Object.keys(seen.state.rules).length === spec.rules.length;
  for (const rule of spec.rules) {
    const previous = seen.state.rules[rule.id];
    if (previous === undefined) same = false;
    // Between cycles only existence is looked at; every other figure waits for the cycle (semantics.md).
    if ((input.outOfCycle || typed.invalid) && !isExistenceRule(rule)) {
      if (previous) rules[rule.id] = previous;
      continue;
    }
    const r = checkRule(spec, rule, previous, obs);
    if (r.state) rules[rule.id] = r.state;
    if (r.state !== previous) same = false;
    if (r.events.length > 0) events.push(...r.events);
    if (r.actions.length > 0) actions.push(...r.actions);
  }
  return { state: same ? seen.state : { ...seen.state, rules }, events, actions: selectActions(actions) };
}
