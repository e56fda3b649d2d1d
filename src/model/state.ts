// Per-service state: what the engine reads and returns, and what the state file keeps.
import type { EventKind } from './event.ts';
import type { ContentCursor } from './observation.ts';
import type { ServiceType } from './service.ts';

export type MonitoringState = 'initializing' | 'monitored' | 'not monitored' | 'waiting';
export type RuleStateName = 'init' | 'failed' | 'succeeded' | 'changed';

export interface RuleState {
  state: RuleStateName;
  /**
   * Last results as '0'/'1' characters, newest first, at most 64 ('1' = the rule's failure polarity was seen).
   * A string, not an array: it is written to the state file every cycle for every rule.
   */
  history: string;
  /** Checks since the rule's action last fired (for exec repeat and alert reminders). */
  sinceFired: number;
  /** Reference value for `changed` tests (pid, ppid, program status...). */
  reference?: string | number | null;
  /** The last message, for status display. */
  message?: string;
}

export interface ProcessIdentity {
  pid: number;
  startTime: number;
}

export interface ServiceState {
  name: string;
  type: ServiceType;
  monitoring: MonitoringState;
  rules: Record<string, RuleState>;
  /** Check numbers (see `checks`) at which rule-triggered starts/restarts were done. */
  restarts: number[];
  /** Total rule-triggered restarts ever (for metrics and the API's `restarts`). */
  restartsTotal: number;
  /** The service's own check counter: its cycles. */
  checks: number;
  identity: ProcessIdentity | null;
  /** Failures that are not rule results: a failed start program (exec), a restart limit (timeout). */
  actionFailures: Partial<Record<EventKind, string>>;
  lastCheck: number | null; // ms epoch
  /** Epoch minute (ms / 60000) of the last check an `every "cron"` schedule allowed: once per matching minute. */
  lastCronMinute?: number;
  /**
   * A start/restart program in flight, saved so that a tsmonit killed meanwhile waits for it after its restart
   * instead of starting the service a second time.
   */
  starting?: { programPid: number; programStartTime: number; deadline: number } | null;
  /** `check file` with content rules: where the next read starts (inode and offset survive restarts, as in monit). */
  contentCursor?: ContentCursor | null;
}

/** The state file's format. 2: rule histories are '0'/'1' strings (1 had boolean arrays). */
export const PERSISTED_STATE_VERSION = 2;

/** The state file: versioned, migrated on load. */
export interface PersistedState {
  version: typeof PERSISTED_STATE_VERSION;
  bootTime: number; // ms epoch of the boot the state was saved in
  savedAt: number;
  services: Record<string, ServiceState>; // key: `${type}:${name}`
}

export function stateKey(type: ServiceType, name: string): string {
  return `${type}:${name}`;
}

/**
 * Two start times (ms epoch) of one process may differ by this much: they are computed from the boot time, which a
 * tsmonit started later derives afresh. A different process on the same pid within a second is not realistic.
 */
export const IDENTITY_SLACK_MS = 1000;
