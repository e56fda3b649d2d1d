// The engine's inputs and outputs (engine/ implements them, daemon/ calls them).
import type { EventDraft } from './event.ts';
import type { Observation } from './observation.ts';
import type { Command } from './rule.ts';
import type { ServiceSpec } from './service.ts';
import type { ServiceState } from './state.ts';

export type ServiceActionType = 'start' | 'stop' | 'restart' | 'unmonitor' | 'monitor';

/** An action a rule asks for. The daemon carries it out (and propagates along dependencies). */
export interface PlannedAction {
  type: 'start' | 'stop' | 'restart' | 'unmonitor' | 'alert' | 'exec';
  command?: Command; // exec
  ruleId?: string;
  rule?: string; // the rule in words
  reason: string; // the message of the event that fired it
  figures?: Record<string, number | string | null>;
}

export interface CheckInput {
  spec: ServiceSpec;
  state: ServiceState;
  observation: Observation;
  now: number;
  /**
   * A check between cycles (the liveness watch saw the PID die, or an action just finished): its results count,
   * but it is not a cycle, so `restarts within M cycles` windows are not stretched by it.
   */
  outOfCycle?: boolean;
}

export interface CheckOutput {
  state: ServiceState;
  events: EventDraft[];
  /** At most one of start/stop/restart/unmonitor, plus any alerts and execs. */
  actions: PlannedAction[];
}
