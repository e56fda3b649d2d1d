// What main.ts hands the daemon: effects behind model ports, and the config loader.
import type { LoadResult } from '../model/config.ts';
import type {
  AlertOutbox, Clock, FileInspector, FilesystemStat, Logger, NetworkStat, ProcessTable, ProgramRunner, Prober, StateStore, SystemSampler,
  UserDirectory,
} from '../model/ports.ts';

export interface DaemonDeps {
  clock: Clock;
  processTable: ProcessTable;
  systemSampler: SystemSampler;
  runner: ProgramRunner;
  prober: Prober;
  /** file, directory and fifo checks; a filesystem's mount point. */
  files: FileInspector;
  filesystems: FilesystemStat;
  networks: NetworkStat;
  /** Opens the state store for a path (the path can change on reload). */
  openStateStore: (path: string) => StateStore;
  logger: Logger;
  users: UserDirectory;
  loadConfig: (file: string) => Promise<LoadResult>;
  selfPid: number;
  version: string;
  /** The alert outbox kept in dir; absent: alerts are only logged. */
  openOutbox?: (dir: string) => AlertOutbox;
  /** How often the liveness watch looks at monitored PIDs between cycles. */
  livenessIntervalMs?: number;
}
