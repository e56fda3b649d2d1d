// Interfaces that effects/ implements and daemon/ receives (main.ts wires them).
import type { MailServer } from './config.ts';
import type { PersistedState } from './state.ts';
import type {
  ChecksumAlgorithm, ContentCursor, FilesystemObservation, NetworkObservation, PathObservation, PidfileRead, ProbeResult,
  ProcessSnapshot, SystemSample,
} from './observation.ts';
import type { Command, ConnectionTest } from './rule.ts';

export interface Clock {
  now(): number;
  /** Resolves after ms, or at once (without throwing) when signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Calls back once after ms; the returned function cancels it. For what wakes often (the liveness watch): no
   * promise, no abort listener per wake-up.
   */
  after(ms: number, callback: () => void): () => void;
}

export type SignalName = 'SIGTERM' | 'SIGKILL' | 'SIGCONT' | 'SIGSTOP' | 'SIGHUP' | 'SIGUSR1' | 'SIGINT';

export interface ProcessTable {
  /**
   * One read of /proc: every process, once. CPU percentages are deltas against the previous cycle's read;
   * `cycle: false` (a read for an action or an early check) computes them but does not move that baseline.
   */
  snapshot(options?: { cycle?: boolean }): Promise<ProcessSnapshot>;
  readPidfile(path: string): Promise<PidfileRead>;
  /** Cheap liveness (kill(pid, 0)); false for a zombie is not guaranteed. */
  isAlive(pid: number): boolean;
  /** Cheaper still: kill(pid, 0) alone, so a zombie counts as existing. Optional (additive): the liveness
   * watch polls with it often and with isAlive() now and then. */
  exists?(pid: number): boolean;
  /**
   * Optional: a token of the host's task table that is equal between two reads only when no task was created or
   * reaped in between (then every PID that existed at the first read still exists). null when unknown.
   */
  taskTableToken?(): string | null;
  /** Start time of a live pid (ms epoch) without a full snapshot, or null when gone. */
  startTimeOf(pid: number): Promise<number | null>;
  /** Send a signal; false when the process does not exist. */
  signal(pid: number, signal: SignalName): boolean;
}

export interface SystemSampler {
  sample(): Promise<SystemSample>;
  hostname(): string;
  bootTime(): number; // ms epoch
}

export interface RunRequest {
  command: Command;
  timeoutMs: number; // 0 = no limit
  env: Record<string, string>;
  outputLimitBytes: number;
  signal?: AbortSignal;
  /** Called with the program's pid as soon as it is spawned (the daemon records it to survive its own crash). */
  onSpawn?: (pid: number) => void;
}

export interface RunResult {
  pid: number | null;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** First outputLimitBytes of stdout and stderr interleaved. */
  output: string;
  durationMs: number;
  /** The program could not be started (ENOENT, EACCES, unknown user...). */
  error?: string;
}

export interface ProgramRunner {
  /** Runs argv without a shell in its own process group; on timeout kills the whole group. */
  run(request: RunRequest): Promise<RunResult>;
}

export interface ProbeContext {
  /** Host used when the rule names none: localhost in a process check, the address of a host check. */
  defaultHost: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /** `set limits`: bytes one `expect` reads (default 256) and bytes of an HTTP body read (default 1 MiB). */
  sendExpectBufferBytes?: number;
  httpContentBufferBytes?: number;
}

export interface Prober {
  /** Never throws: failures are results. */
  probe(test: ConnectionTest, context: ProbeContext): Promise<ProbeResult>;
  /** Protocols this build can test ('tcp' for plain connects). */
  supports(test: ConnectionTest): boolean;
}

export interface StateStore {
  load(): Promise<{ state: PersistedState | null; problem?: string }>;
  save(state: PersistedState): Promise<void>;
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** User and group names to ids (rules like `if failed uid memcache`). */
export interface UserDirectory {
  uidOf(name: string): Promise<number | null>;
  gidOf(name: string): Promise<number | null>;
}

/** What one check of a file, directory or fifo asks of its path. */
export interface PathInspection {
  path: string;
  /** Digests to compute (regular files only). */
  checksums: readonly ChecksumAlgorithm[];
  /** Read new lines from this cursor (null: first sight, start at the end). Absent: content is not read. */
  content?: { cursor: ContentCursor | null; lineLimitBytes: number };
}

export interface FileInspector {
  /** Never throws: a missing or unreadable path is an observation. */
  inspect(request: PathInspection): Promise<PathObservation>;
}

export interface FilesystemStat {
  /** The filesystem mounted at, or holding, path (a mount point, a directory, or a device). Never throws. */
  stat(path: string): Promise<FilesystemObservation>;
}

export interface NetworkStat {
  /** Link and counters of an interface, named or found by one of its addresses; rates are left null. Never throws. */
  read(target: { interface?: string; address?: string }): Promise<NetworkObservation>;
}

// ---- alerts (issue 8): the daemon renders alerts; effects deliver them through a persistent outbox ----

/** One mail, rendered: the outbox stores it as is and delivers it later, possibly after a restart. */
export interface MailMessage {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  text: string;
  /** ISO time of the event, the mail's Date header. */
  date: string;
  /** Extra headers (monit's X-Auto-Response-Suppress and Precedence, tsmonit's alert id). */
  headers: Record<string, string>;
  /** Stable across retries, so a mail system can drop a copy. */
  messageId: string;
}

export interface MailTransport {
  /** Tries the servers in order; resolves once one accepted the mail, rejects with every server's reason otherwise. */
  send(message: MailMessage, servers: readonly MailServer[], signal?: AbortSignal): Promise<void>;
}

export interface WebhookRequest {
  url: string;
  /** JSON text. */
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface WebhookTransport {
  /** Resolves on a 2xx answer; rejects otherwise (a DeliveryError says whether a retry can help). */
  post(request: WebhookRequest): Promise<void>;
}

export type AlertDelivery =
  | { channel: 'mail'; message: MailMessage }
  | { channel: 'webhook'; url: string; body: string };

/** One alert for one destination. */
export interface OutgoingAlert {
  /** Unique; the outbox drops a second alert with the same id. */
  id: string;
  /** `mail:ADDRESS` or `webhook:URL`: alerts to one destination are delivered in the order they were queued. */
  destination: string;
  /** ms epoch. */
  created: number;
  /** For logs: `'web' Does not exist`. */
  summary: string;
  delivery: AlertDelivery;
}

/** What delivery needs from the current configuration (it can change on reload). */
export interface AlertRoutes {
  mailservers: readonly MailServer[];
  /** The secret configured for a webhook URL, if any (never written to the outbox). */
  webhookSecret(url: string): string | undefined;
}

export interface AlertOutbox {
  /** Loads what a previous run left undelivered and starts delivering. */
  start(routes: () => AlertRoutes): Promise<void>;
  /** Queues an alert and returns at once: delivery never delays a check or an action. */
  enqueue(alert: OutgoingAlert): void;
  /** Alerts not delivered yet. */
  pending(): number;
  /** Waits up to graceMs for the queue to drain, then stops; what is left stays on disk for the next start. */
  stop(graceMs: number): Promise<void>;
}
