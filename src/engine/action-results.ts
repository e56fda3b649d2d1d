// The outcome of a start, stop or restart program, as state and events.
import type { EventDraft } from '../model/event.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { ServiceState } from '../model/state.ts';

export interface ActionResult {
  ok: boolean;
  /** What happened: "exit status 1", "timed out after 30 s", "ENOENT". */
  message: string;
  output?: string;
  durationMs: number;
  user?: string;
}

const DONE = { start: 'started', stop: 'stopped', restart: 'restarted' } as const;

/** The first non-empty line of a program's output, for one-line messages (the event keeps all of it). */
function firstLine(output: string | undefined): string {
  return (output ?? '').split('\n').map((l) => l.trim()).find((l) => l.length > 0) ?? '';
}

export function recordActionResult(
  spec: ServiceSpec,
  state: ServiceState,
  action: 'start' | 'stop' | 'restart',
  result: ActionResult,
): { state: ServiceState; events: EventDraft[] } {
  const common = { service: spec.name, action, durationMs: result.durationMs, ...(result.user ? { user: result.user } : {}) };
  if (!result.ok) {
    const line = firstLine(result.output);
    const message = `failed to ${action} (${result.message})${line ? ` -- ${line}` : ''}`;
    const event: EventDraft = { ...common, kind: 'exec', state: 'failed', message, result: `failed: ${result.message}` };
    if (result.output) event.output = result.output;
    // A failed stop leaves the service to be unmonitored; only a failed start keeps an error to show.
    if (action === 'stop') return { state, events: [event] };
    return { state: { ...state, actionFailures: { ...state.actionFailures, exec: message } }, events: [event] };
  }
  const events: EventDraft[] = [];
  const failures = { ...state.actionFailures };
  if (action !== 'stop' && failures.exec !== undefined) {
    delete failures.exec;
    events.push({ ...common, kind: 'exec', state: 'succeeded', message: `${DONE[action]} after a previous execution failure` });
  }
  // A success message from the daemon ("started with pid 42") says more than the bare verb.
  events.push({ ...common, kind: 'action', state: 'info', message: result.message || DONE[action], result: 'ok' });
  return { state: { ...state, actionFailures: failures }, events };
}
