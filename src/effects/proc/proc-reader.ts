// How one process is read from /proc: its stat line every time (through descriptors kept open), the user ids
// (status) and command line less often. Those two files were half of a cycle's reads, and what they hold is set
// when a process starts: a daemon drops privileges and names itself in its first moments, so they are read
// every time while a process is young, then at most every DETAILS_TTL_MS.
import type { ProcessInfo } from '../../model/observation.ts';
import { ProcFdCache } from './fd-cache.ts';
import { CLOCK_TICKS_PER_SECOND } from './kernel.ts';
import { formatCmdline, parseStat, parseStatus, type StatusFields } from './proc-files.ts';
import { readProcFileSync, stateLetter } from './read-proc.ts';

export interface ProcKernel {
  procRoot: string;
  bootTime: number;
  pageSize: number;
  /** /proc/PID/task/TID/children exists (else descendants come from the whole table). */
  childrenFiles: boolean;
}

export const DETAILS_TTL_MS = 30_000;
export const YOUNG_MS = 10_000;

interface Details extends StatusFields {
  cmdline: string;
  readAt: number;
}

export class ProcReader {
  private readonly fds: ProcFdCache;
  private readonly details = new Map<string, Details>();

  constructor(readonly kernel: ProcKernel, fds?: ProcFdCache) {
    this.fds = fds ?? new ProcFdCache(kernel.procRoot);
  }

  /** null when the process vanished (or is unreadable). `now`: ms epoch of the read. */
  process(pid: number, now: number): ProcessInfo | null {
    if (!isPid(pid)) return null;
    const stat = parseStat(this.fds.readStat(pid, now) ?? '');
    if (!stat) return null;
    const startTime = startTimeMs(this.kernel, stat.startTicks);
    const details = this.detailsOf(pid, startTime, stat.comm, now);
    return {
      pid: stat.pid,
      ppid: stat.ppid,
      startTime,
      state: stat.state,
      uid: details.uid,
      euid: details.euid,
      gid: details.gid,
      threads: stat.threads,
      cmdline: details.cmdline,
      rssBytes: stat.rssPages * this.kernel.pageSize,
      cpuTimeMs: (stat.cpuTicks * 1000) / CLOCK_TICKS_PER_SECOND,
    };
  }

  /** The state letter ('S', 'Z', ...) through the kept descriptor, or null when the process is gone. */
  state(pid: number, now: number): string | null {
    return stateLetter(this.fds.readStat(pid, now));
  }

  /** The main thread's children file (the fd cache keeps it open); null when it cannot be read. */
  mainThreadChildren(pid: number): string | null {
    return this.fds.readChildren(pid);
  }

  /** Forgets what belongs to processes not read for a while. */
  sweep(now: number): void {
    this.fds.sweep(now);
    for (const [key, d] of this.details) if (now - d.readAt > 2 * DETAILS_TTL_MS) this.details.delete(key);
  }

  close(): void {
    this.fds.closeAll();
  }

  private detailsOf(pid: number, startTime: number, comm: string, now: number): Details {
    const key = `${pid}@${startTime}`;
    const known = this.details.get(key);
    if (known && now - known.readAt < DETAILS_TTL_MS && now - startTime >= YOUNG_MS) return known;
    const dir = `${this.kernel.procRoot}/${pid}`;
    // A process that ends between the reads still has its stat line: the rest reads as empty.
    const status = parseStatus(readProcFileSync(`${dir}/status`) ?? '');
    const cmdline = formatCmdline(readProcFileSync(`${dir}/cmdline`, 'utf8') ?? '', comm);
    const details = { ...status, cmdline, readAt: now };
    if (status.uid !== -1) this.details.set(key, details);
    return details;
  }
}

/** A PID a /proc read or a signal may be given: kill(0) and kill(-1) would reach our group or everyone. */
export function isPid(pid: number): boolean {
  return Number.isSafeInteger(pid) && pid > 0;
}

export function startTimeMs(kernel: Pick<ProcKernel, 'bootTime'>, startTicks: number): number {
  return kernel.bootTime + Math.round((startTicks * 1000) / CLOCK_TICKS_PER_SECOND);
}
