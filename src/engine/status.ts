// A service's status in monit's words: "OK", "Does not exist | Execution failed", "Not monitored".
import { EVENT_NAMES, type EventKind } from '../model/event.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { ServiceState } from '../model/state.ts';
import { eventKindOf } from './event-kinds.ts';

/** Kinds of the rules now failed (in rule order), then the failures of actions; each once. */
export function failuresOf(spec: ServiceSpec, state: ServiceState): EventKind[] {
  const kinds: EventKind[] = [];
  for (const rule of spec.rules) if (state.rules[rule.id]?.state === 'failed') kinds.push(eventKindOf(rule.test));
  for (const kind of Object.keys(state.actionFailures) as EventKind[]) {
    if (state.actionFailures[kind] !== undefined) kinds.push(kind);
  }
  return [...new Set(kinds)];
}

/** Kinds of the `changed` rules that changed in the latest check. */
function changesOf(spec: ServiceSpec, state: ServiceState): EventKind[] {
  const kinds = spec.rules.filter((r) => state.rules[r.id]?.state === 'changed').map((r) => eventKindOf(r.test));
  return [...new Set(kinds)];
}

function problemNames(spec: ServiceSpec, state: ServiceState): string[] {
  return [
    ...failuresOf(spec, state).map((k) => EVENT_NAMES[k].failed),
    ...changesOf(spec, state).map((k) => EVENT_NAMES[k].changed ?? `${EVENT_NAMES[k].failed} (changed)`),
  ];
}

function baseText(spec: ServiceSpec, state: ServiceState): string {
  if (state.monitoring === 'not monitored') return 'Not monitored';
  if (state.monitoring === 'initializing') return 'Initializing';
  const names = problemNames(spec, state);
  if (names.length > 0) return names.join(' | ');
  // A skipped cycle does not hide a failure (monit shows failures of a waiting service too).
  return state.monitoring === 'waiting' ? 'Waiting' : 'OK';
}

export function statusText(spec: ServiceSpec, state: ServiceState, pendingAction?: string): string {
  const text = baseText(spec, state);
  return pendingAction ? `${text} - ${pendingAction} pending` : text;
}
