// `if N restarts within M cycles then ACTION`: counted over rule-triggered starts and restarts.
import type { PlannedAction } from '../model/evaluation.ts';
import type { EventDraft } from '../model/event.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { ServiceState } from '../model/state.ts';
import { effectiveAction, plannedAction } from './planned-actions.ts';
import { describeAction } from './rule-words.ts';

/** Restarts done at any of the last `cycles` checks (the current check included). */
export function restartsWithin(restarts: readonly number[], checks: number, cycles: number): number {
  return restarts.filter((r) => r > checks - cycles).length;
}

export interface LimitResult {
  state: ServiceState;
  events: EventDraft[];
  actions: PlannedAction[];
  /** A limit unmonitors the service: no rule is evaluated this check. */
  unmonitors: boolean;
}

/** Run at the start of a check, after `checks` was counted up. Counters are cleared when a limit fires. */
export function applyRestartLimits(spec: ServiceSpec, state: ServiceState): LimitResult {
  const result: LimitResult = { state, events: [], actions: [], unmonitors: false };
  if (spec.restartLimits.length === 0 && state.restarts.length === 0) return result;
  let timeout: string | null = null;
  for (const limit of spec.restartLimits) {
    const count = restartsWithin(state.restarts, state.checks, limit.cycles);
    if (count < limit.count) continue;
    const action = effectiveAction(spec, limit.action);
    const message = `service restarted ${count} times within ${limit.cycles} cycle(s) - ${describeAction(action)}`;
    timeout = message;
    const figures = { restarts: count, limit: limit.count, cycles: limit.cycles };
    result.events.push({ service: spec.name, kind: 'timeout', state: 'failed', message, rule: limit.text, action: action.type, figures });
    const planned = plannedAction(action, { rule: limit.text, reason: message, figures });
    if (planned) result.actions.push(planned);
    if (action.type === 'unmonitor') result.unmonitors = true;
  }
  if (timeout !== null) {
    result.state = { ...state, restarts: [], actionFailures: { ...state.actionFailures, timeout } };
    return result;
  }
  // The usual check: no limit reached; the state is copied only when old restarts fall out of the window.
  const recent = keepRecent(spec, state);
  if (recent.length !== state.restarts.length) result.state = { ...state, restarts: recent };
  return result;
}

/** Bound the list: nothing older than the widest window (at least 64 checks) can matter. */
function keepRecent(spec: ServiceSpec, state: ServiceState): number[] {
  const window = Math.max(64, ...spec.restartLimits.map((l) => l.cycles));
  return state.restarts.filter((r) => r > state.checks - window);
}
