// What effects measure and hand to the engine. Units: bytes, seconds, percent 0-100, ms epoch.

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Start time, ms since the epoch (from /proc/PID/stat starttime + boot time). */
  startTime: number;
  /** /proc state letter: R, S, D, Z, T, ... */
  state: string;
  uid: number;
  euid: number;
  gid: number;
  threads: number;
  cmdline: string;
  rssBytes: number;
  /** Cumulative CPU time of the process (user + system), ms. */
  cpuTimeMs: number;
}

/** One read of the process table, enriched with per-pid figures that need the whole table. */
export interface ProcessSnapshot {
  at: number;
  cores: number;
  memTotalBytes: number;
  get(pid: number): ProcessInfo | undefined;
  all(): readonly ProcessInfo[];
  /** All descendants of pid (recursive). */
  descendants(pid: number): readonly ProcessInfo[];
  /** monit's CPU percent since the previous snapshot (null until two samples exist). */
  cpuPercent(pid: number): number | null;
}

/** A process as one check sees it: raw info plus derived figures. */
export interface ProcessFigures {
  pid: number;
  ppid: number;
  startTime: number;
  uptimeS: number;
  uid: number;
  euid: number;
  gid: number;
  threads: number;
  children: number;
  cpuPercent: number | null;
  cpuTotalPercent: number | null;
  memoryBytes: number;
  memoryPercent: number;
  memoryTotalBytes: number;
  memoryTotalPercent: number;
  cmdline: string;
}

export interface PidfileRead {
  path: string;
  pid: number | null;
  mtimeMs: number | null;
  error?: string; // 'missing', 'empty', 'not a number', an errno text
}

export interface SystemSample {
  at: number;
  cores: number;
  load: [number, number, number];
  /** Percentages since the previous sample; null on the first. */
  cpu: { user: number; system: number; wait: number; usage: number } | null;
  memory: { bytes: number; percent: number; totalBytes: number };
  swap: { bytes: number; percent: number; totalBytes: number };
  uptimeS: number;
  bootTime: number; // ms epoch
}

export interface ProbeResult {
  ok: boolean;
  responseTimeMs: number | null;
  /** What was seen, naming the protocol: "TCP connect to 127.0.0.1:11211: ECONNREFUSED". */
  message: string;
  /** The probe did not run (process missing, start in progress); the rule keeps its state. */
  skipped?: boolean;
}

/** Everything measured for one service in one check. Absent parts were not measured. */
export interface Observation {
  at: number;
  process?: {
    found: ProcessFigures | null;
    /** Why found is null, or how the pid was chosen: "pidfile /x.pid names pid 42, which was started after it was written". */
    detail: string;
    zombie?: boolean;
  };
  system?: SystemSample;
  /** Keyed by rule id. */
  probes: Record<string, ProbeResult>;
}
