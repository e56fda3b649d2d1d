// One step of an action on one service (a start, a stop), and what its programs are told about it.
import type { ActionHost, Origin } from './action-host.ts';
import type { ServiceRuntime } from './runtime.ts';

export interface StepResult {
  ok: boolean;
  message: string;
  output?: string;
}

/** The event a start or stop program sees in its environment (MONIT_EVENT, MONIT_DESCRIPTION...). */
export function programContext(host: ActionHost, rt: ServiceRuntime, origin: Origin) {
  return {
    service: rt.spec.name,
    event: origin.byRule ? 'rule' : 'user action',
    description: origin.reason,
    host: host.hostname(),
    now: host.deps.clock.now(),
    process: rt.lastObservation?.process?.found ?? null,
  };
}
