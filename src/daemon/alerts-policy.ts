// Which events become alerts: monit notifies on every change of state, whatever the rule's action, except where
// the action is `ignore`; plus tsmonit's own instance events and the results of user actions.
import type { EventDraft } from '../model/event.ts';

export function alertable(event: EventDraft): boolean {
  if (event.kind === 'instance') return true;
  // A user's start/stop/monitor/unmonitor has a result and no rule (monit's "Action done"); rule-driven ones
  // were already announced by the failure that caused them, and a request without a result is not done yet.
  if (event.state === 'info') return event.kind === 'action' && event.rule === undefined && event.result !== undefined;
  // A rule event without an action: the rule said `ignore` for this side.
  return !(event.rule !== undefined && event.action === undefined);
}

/**
 * Failures of the daemon's own work (a start program that fails, a stop that fails) are posted again each time
 * they happen; as in monit, only the change of state is announced. Rule events are transitions already.
 */
export class FailureLatch {
  private readonly failed = new Set<string>();

  admit(event: EventDraft): boolean {
    if (event.kind !== 'exec' && event.kind !== 'action') return true;
    const key = `${event.service}\0${event.kind}`;
    if (event.state !== 'failed') {
      this.failed.delete(key);
      return true;
    }
    if (this.failed.has(key)) return false;
    this.failed.add(key);
    return true;
  }
}
