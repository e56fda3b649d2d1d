// A service's state outside of checks: its beginning, starts, and what users ask for.
import type { ServiceActionType } from '../model/evaluation.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { ServiceState } from '../model/state.ts';

export function initialServiceState(spec: ServiceSpec): ServiceState {
  return {
    name: spec.name,
    type: spec.type,
    monitoring: 'initializing',
    rules: {},
    restarts: [],
    restartsTotal: 0,
    checks: 0,
    identity: null,
    actionFailures: {},
    lastCheck: null,
  };
}

/** A start or restart is being attempted: a new process is expected; rule-triggered ones count toward limits. */
export function recordStart(state: ServiceState, byRule: boolean): ServiceState {
  const next: ServiceState = { ...state, identity: null };
  if (byRule) {
    next.restarts = [...state.restarts, state.checks];
    next.restartsTotal = state.restartsTotal + 1;
  }
  return next;
}

/** Unmonitoring forgets what was collected: rule states, restart counters, error flags (monit 4.5). */
function unmonitored(state: ServiceState): ServiceState {
  // The content cursor goes too: monitored again, a file is read from its end, as on first sight.
  return { ...state, monitoring: 'not monitored', rules: {}, restarts: [], actionFailures: {}, contentCursor: null };
}

/** A user's action as it changes monitoring. Starts and restarts by users are never counted. */
export function applyUserAction(state: ServiceState, action: ServiceActionType): ServiceState {
  switch (action) {
    case 'unmonitor':
    case 'stop':
      return unmonitored(state);
    case 'monitor':
    case 'start':
    case 'restart':
      if (state.monitoring !== 'not monitored') return state;
      return { ...state, monitoring: 'initializing', rules: {}, actionFailures: {} };
  }
}
