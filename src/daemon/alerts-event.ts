// The event an alert carries: a logged event, or a reminder built from a rule that still fails.
import { EVENT_NAMES, type EventDraft, type EventKind, type EventState } from '../model/event.ts';

export interface AlertEvent extends EventDraft {
  /** The event log's id; null for a reminder whose first event is no longer known (after a restart). */
  id: number | null;
  time: string;
  /** How many checks the failure has lasted, for a reminder. */
  reminder?: number;
}

/** monit's display name: "Does not exist", "Exists", "PID changed", "Action done", "Monit instance changed". */
export function eventName(kind: EventKind, state: EventState): string {
  const names = EVENT_NAMES[kind];
  if (state === 'failed') return names.failed;
  if (state === 'changed') return names.changed ?? names.failed;
  return names.succeeded;
}

export function figuresInWords(figures: EventDraft['figures']): string {
  if (!figures) return '';
  return Object.entries(figures).map(([k, v]) => `${k} ${v === null ? 'n/a' : String(v)}`).join(', ');
}

/** The end of a program's output: where the error usually is. */
export function lastLines(output: string | undefined, count = 10): string {
  if (!output) return '';
  const lines = output.replace(/\s+$/, '').split('\n');
  return lines.slice(-count).join('\n');
}
