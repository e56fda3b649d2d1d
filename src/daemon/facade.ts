// What the web server and the CLI see of the daemon: JSON-shaped data and async actions. Nothing else.
import type { Diagnostic } from '../model/errors.ts';
import type { TsmEvent, EventKind } from '../model/event.ts';
import type { ServiceActionType } from '../model/evaluation.ts';
import type { MonitoringState } from '../model/state.ts';
import type { ServiceType } from '../model/service.ts';

export type { ServiceActionType } from '../model/evaluation.ts';

export interface PortStatus {
  host: string;
  port: number | null;
  path?: string;
  type: string;
  protocol: string;
  ok: boolean | null;
  responseTimeMs: number | null;
  error: string | null;
}

export interface ProcessStatus {
  pid: number | null;
  ppid: number | null;
  uptime: number | null;
  cpu: number | null;
  cpuTotal: number | null;
  memory: number | null;
  memoryPercent: number | null;
  memoryTotal: number | null;
  children: number | null;
  threads: number | null;
}

export interface SystemStatus {
  load: [number, number, number] | null;
  cpu: { user: number; system: number; wait: number; usage: number } | null;
  memory: { bytes: number; percent: number } | null;
  swap: { bytes: number; percent: number } | null;
  uptime: number | null;
}

/** file, directory, fifo (size and checksum for files only). Times are ISO strings, mode is octal ("0644"). */
export interface FileStatus {
  size: number | null;
  mtime: string | null;
  ctime: string | null;
  atime: string | null;
  checksum: string | null;
  checksumType: string | null;
  mode: string | null;
  uid: number | null;
  gid: number | null;
}

export interface ProgramStatus {
  /** Exit status of the last run; null when it did not exit by itself (or has not run yet). */
  status: number | null;
  /** Its output (program_output bytes at most). */
  output: string | null;
  started: string | null;
  durationMs: number | null;
  /** Why there is no status: "program timed out after 5 s and was killed". */
  error: string | null;
}

export interface FilesystemStatus {
  type: string | null;
  flags: string | null;
  mountPoint: string | null;
  /** Bytes; `percent` is the used share (reserved blocks count as used, as df shows). */
  space: { total: number; used: number; free: number; percent: number } | null;
  /** null when the filesystem has no inode figures. */
  inodes: { total: number; used: number; free: number; percent: number } | null;
  mode: string | null;
  uid: number | null;
  gid: number | null;
}

export interface NetworkStatus {
  interface: string | null;
  link: 'up' | 'down' | null;
  /** Bits per second. */
  speed: number | null;
  duplex: 'full' | 'half' | null;
  /** Per second, null until two samples exist; totals since the interface came up. */
  download: { bytesPerSecond: number | null; packetsPerSecond: number | null; bytesTotal: number | null; errors: number | null };
  upload: { bytesPerSecond: number | null; packetsPerSecond: number | null; bytesTotal: number | null; errors: number | null };
}

export interface RuleStatus {
  rule: string;
  implicit: boolean;
  state: 'init' | 'failed' | 'succeeded' | 'changed';
  message: string | null;
}

/** A Service in JSON, as interfaces.md defines it. */
export interface ServiceStatus {
  name: string;
  type: ServiceType;
  monitoring: MonitoringState;
  status: string;
  failures: EventKind[];
  ok: boolean;
  pendingAction: ServiceActionType | null;
  groups: string[];
  dependsOn: string[];
  lastCheck: string | null;
  nextCheck: string | null;
  restarts: number;
  /** How long the last check of this service took (ms); null before the first. */
  checkDurationMs?: number | null;
  mode: string;
  onreboot: string;
  process?: ProcessStatus;
  ports?: PortStatus[];
  system?: SystemStatus;
  file?: FileStatus;
  program?: ProgramStatus;
  filesystem?: FilesystemStatus;
  network?: NetworkStatus;
  config: {
    pidfile?: string;
    matching?: string;
    path?: string;
    address?: string;
    interface?: string;
    program?: string;
    start?: string;
    stop?: string;
    restart?: string;
    every?: string;
  };
}

export interface ServiceDetail extends ServiceStatus {
  rules: RuleStatus[];
  events: TsmEvent[];
}

export interface ServerStatus {
  version: string;
  hostname: string;
  pid: number;
  startedAt: string;
  uptime: number;
  cycleSeconds: number | null;
  controlFile: string;
  cycles: number;
}

export interface StatusSnapshot {
  server: ServerStatus;
  services: ServiceStatus[];
}

export interface ActionRequest {
  action: ServiceActionType;
  /** Service names; 'all' is expanded by the caller of resolveTargets. */
  services?: string[];
  group?: string;
  user?: string;
  /** Wait for completion (ms); 0 or absent: return once accepted. */
  waitMs?: number;
}

export interface ActionOutcome {
  service: string;
  action: ServiceActionType;
  state: 'accepted' | 'done' | 'failed' | 'timeout';
  message: string;
  output?: string;
  durationMs?: number;
}

export interface EventQuery {
  service?: string;
  kind?: string;
  limit?: number;
  sinceId?: number;
}

export interface CycleReport {
  cycle: number;
  durationMs: number;
  services: ServiceStatus[];
}

/** One service's figures over the last hour, column by column (for charts): times in epoch seconds. */
export interface ServiceHistory {
  name: string;
  windowSeconds: number;
  times: number[];
  /** Process CPU % (system: usage %), null where there was no process. */
  cpu: Array<number | null>;
  /** Process memory in bytes (system: used memory). */
  memory: Array<number | null>;
  /** Response time of each port or socket test, by its label ("localhost:8080 TCP"). */
  ports: Array<{ label: string; responseMs: Array<number | null> }>;
}

export interface ReloadResult {
  ok: boolean;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

/** The in-process facade. http/ and cli/ use only this. */
export interface MonitorFacade {
  status(): StatusSnapshot;
  service(name: string): ServiceDetail | undefined;
  /** Throws TsmonitError TSM_E_UNKNOWN_SERVICE / TSM_E_UNKNOWN_GROUP / TSM_E_BAD_ACTION before doing anything. */
  act(request: ActionRequest): Promise<ActionOutcome[]>;
  events(query?: EventQuery): TsmEvent[];
  onEvent(listener: (event: TsmEvent) => void): () => void;
  onCycle(listener: (report: CycleReport) => void): () => void;
  reload(): Promise<ReloadResult>;
  /** One full check pass now; resolves when every check finished. */
  validate(): Promise<StatusSnapshot>;
  quit(): Promise<void>;
  /** The last hour of figures for one service (dashboard charts); undefined when unknown. Optional: additive. */
  history?(name: string): ServiceHistory | undefined;
}
