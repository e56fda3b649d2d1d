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
  /** file, directory, fifo: the path; filesystem: its mount point. */
  path?: PathObservation;
  filesystem?: FilesystemObservation;
  program?: ProgramObservation;
  network?: NetworkObservation;
}

// ---- file, directory, fifo, filesystem, program, network (issue 3) ----

export type ChecksumAlgorithm = 'md5' | 'sha1' | 'sha256';

/** What stat(2) says about a path (it follows symlinks, as monit does). */
export interface PathStat {
  kind: 'file' | 'directory' | 'fifo' | 'socket' | 'device' | 'other';
  size: number;
  /** Permission bits only (mode & 0o7777). */
  mode: number;
  uid: number;
  gid: number;
  inode: number;
  atimeMs: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** Where reading a file's content goes on next time: persisted in the state file so lines are read once. */
export interface ContentCursor {
  path: string;
  inode: number;
  offset: number;
}

export interface ContentRead {
  /** New complete lines since the cursor (without their newline), each cut at the file content buffer. */
  lines: string[];
  cursor: ContentCursor;
  /** What happened to the cursor: "first sight: reading starts at the end", "file was rotated (new inode)". */
  note?: string;
  /** The file could not be read (the cursor stays where it was). */
  error?: string;
}

export interface PathObservation {
  path: string;
  /** null: the path does not exist or cannot be examined (detail says why). */
  stat: PathStat | null;
  detail: string;
  /** Hex digests of a regular file, for the algorithms its rules use. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
  checksumError?: string;
  /** Present when the check reads content (a file with content rules). */
  content?: ContentRead;
}

/** statfs(2) of a mounted filesystem, with what /proc/self/mountinfo says about its mount. */
export interface FilesystemFigures {
  mountPoint: string;
  source: string;
  fsType: string;
  /** Mount options as the kernel lists them ("rw,nosuid,relatime"): what `changed fsflags` watches. */
  flags: string;
  blockSize: number;
  blocks: number;
  /** Free blocks, including those reserved for root. */
  blocksFree: number;
  /** Free blocks available to unprivileged users. */
  blocksAvailable: number;
  /** 0 when the filesystem has no inode figures. */
  inodes: number;
  inodesFree: number;
}

export interface FilesystemObservation {
  path: string;
  /** null: the path does not exist or is not mounted (detail says why). */
  found: FilesystemFigures | null;
  detail: string;
}

/** The result of one run of a `check program`. */
export interface ProgramObservation {
  startedAt: number; // ms epoch
  durationMs: number;
  /** null when the program did not exit by itself (killed, timed out, or not started). */
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  /** The program could not be started (ENOENT, EACCES, an unknown user...). */
  error?: string;
  /** First program_output bytes of stdout and stderr. */
  output: string;
}

export interface NetworkCounters {
  at: number; // ms epoch
  rxBytes: number;
  txBytes: number;
  rxPackets: number;
  txPackets: number;
  rxErrors: number;
  txErrors: number;
}

/** Per second, between two reads of the counters. */
export interface NetworkRates {
  rxBytes: number;
  txBytes: number;
  rxPackets: number;
  txPackets: number;
}

export interface NetworkLink {
  up: boolean;
  /** The kernel's operstate: up, down, lowerlayerdown, unknown, ... */
  operstate: string;
  /** Megabits per second; null when the driver does not say (loopback, virtual links). */
  speedMbps: number | null;
  duplex: 'full' | 'half' | null;
}

export interface NetworkObservation {
  /** The interface examined; null when none matches (detail says why). */
  interface: string | null;
  detail: string;
  link: NetworkLink | null;
  counters: NetworkCounters | null;
  /** null until two reads exist (or after a counter reset). */
  rates: NetworkRates | null;
}
