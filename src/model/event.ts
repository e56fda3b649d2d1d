// Events: the answer to "why did it restart at 03:12?".

export const EVENT_KINDS = [
  'nonexist',
  'exist',
  'connection',
  'resource',
  'exec',
  'timeout',
  'pid',
  'ppid',
  'uptime',
  'status',
  'content',
  'checksum',
  'size',
  'timestamp',
  'permission',
  'uid',
  'gid',
  'data',
  'icmp',
  'link',
  'fsflags',
  'saturation',
  'bytein',
  'byteout',
  'invalid',
  'instance',
  'action',
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];
export type EventState = 'failed' | 'succeeded' | 'changed' | 'info';

/** monit's display names, failure / success. */
export const EVENT_NAMES: Record<EventKind, { failed: string; succeeded: string; changed?: string }> = {
  nonexist: { failed: 'Does not exist', succeeded: 'Exists' },
  exist: { failed: 'Does exist', succeeded: 'Exists not' },
  connection: { failed: 'Connection failed', succeeded: 'Connection succeeded' },
  resource: { failed: 'Resource limit matched', succeeded: 'Resource limit succeeded' },
  exec: { failed: 'Execution failed', succeeded: 'Execution succeeded' },
  timeout: { failed: 'Timeout', succeeded: 'Timeout recovery' },
  pid: { failed: 'PID failed', succeeded: 'PID succeeded', changed: 'PID changed' },
  ppid: { failed: 'PPID failed', succeeded: 'PPID succeeded', changed: 'PPID changed' },
  uptime: { failed: 'Uptime failed', succeeded: 'Uptime succeeded' },
  status: { failed: 'Status failed', succeeded: 'Status succeeded', changed: 'Status changed' },
  content: { failed: 'Content failed', succeeded: 'Content succeeded', changed: 'Content changed' },
  checksum: { failed: 'Checksum failed', succeeded: 'Checksum succeeded', changed: 'Checksum changed' },
  size: { failed: 'Size failed', succeeded: 'Size succeeded', changed: 'Size changed' },
  timestamp: { failed: 'Timestamp failed', succeeded: 'Timestamp succeeded', changed: 'Timestamp changed' },
  permission: { failed: 'Permission failed', succeeded: 'Permission succeeded', changed: 'Permission changed' },
  uid: { failed: 'UID failed', succeeded: 'UID succeeded' },
  gid: { failed: 'GID failed', succeeded: 'GID succeeded' },
  data: { failed: 'Data access error', succeeded: 'Data access succeeded' },
  icmp: { failed: 'Ping failed', succeeded: 'Ping succeeded' },
  link: { failed: 'Link down', succeeded: 'Link up', changed: 'Link changed' },
  fsflags: { failed: 'Filesystem flags failed', succeeded: 'Filesystem flags succeeded', changed: 'Filesystem flags changed' },
  saturation: { failed: 'Saturation exceeded', succeeded: 'Saturation ok' },
  bytein: { failed: 'Download bytes exceeded', succeeded: 'Download bytes ok' },
  byteout: { failed: 'Upload bytes exceeded', succeeded: 'Upload bytes ok' },
  invalid: { failed: 'Invalid type', succeeded: 'Type succeeded' },
  instance: { failed: 'Monit instance failed', succeeded: 'Monit instance changed' },
  action: { failed: 'Action failed', succeeded: 'Action done' },
};

/** An event as the engine or the daemon produces it; the event log adds id and time. */
export interface EventDraft {
  service: string;
  kind: EventKind;
  state: EventState;
  message: string;
  /** The rule in words. */
  rule?: string;
  /** What was done or will be done: start, stop, restart, unmonitor, alert, exec, monitor. */
  action?: string;
  /** Result of an action: "ok", "failed: ...", "timed out". */
  result?: string;
  durationMs?: number;
  /** Who asked, for user actions. */
  user?: string;
  /** The figures that tripped the rule: { cpu: 73.2, limit: 50 }. */
  figures?: Record<string, number | string | null>;
  /** First lines of a program's output. */
  output?: string;
}

export interface TsmEvent extends EventDraft {
  id: number;
  time: string; // ISO
}
