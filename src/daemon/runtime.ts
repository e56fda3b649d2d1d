// The daemon's live view of one service: its spec, its engine state and what is in flight.
import type { ServiceActionType } from '../model/evaluation.ts';
import type { Observation } from '../model/observation.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { ServiceState } from '../model/state.ts';

export interface ServiceRuntime {
  spec: ServiceSpec;
  state: ServiceState;
  /** A check is running: the service is not checked twice at once. */
  checking: Promise<void> | null;
  /** An action is running: checks wait for it. */
  pending: ServiceActionType | null;
  pendingDone: Promise<unknown> | null;
  lastObservation: Observation | null;
  nextCheck: number | null;
  /** Duration of the last completed check (ms), for /metrics. */
  lastCheckMs: number | null;
  /** Bumped on reload when the spec changed, so a stale in-flight check does not write back. */
  generation: number;
}

export function newRuntime(spec: ServiceSpec, state: ServiceState): ServiceRuntime {
  return {
    spec,
    state,
    checking: null,
    pending: null,
    pendingDone: null,
    lastObservation: null,
    nextCheck: null,
    lastCheckMs: null,
    generation: 0,
  };
}
