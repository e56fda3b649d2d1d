// ProcessTable over Linux /proc. We read /proc ourselves (no pidusage): one pass over every
// process per snapshot serves all checks, and identity needs the raw start time anyway.
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ProcessInfo, ProcessSnapshot } from '../../model/observation.ts';
import type { ProcessTable, SignalName } from '../../model/ports.ts';
import { cpuKey, cpuPercent, type CpuSample } from './cpu-percent.ts';
import { CLOCK_TICKS_PER_SECOND, derivePageSizeSync, readBootTimeSync, readMeminfo } from './kernel.ts';
import { readPidfile } from './pidfile.ts';
import { formatCmdline, parseStat, parseStatus } from './proc-files.ts';
import { procStateSync, readProcFile } from './read-proc.ts';
import { buildSnapshot } from './snapshot.ts';

export interface ProcessTableOptions {
  procRoot?: string;
  /** Defaults to os.availableParallelism(). */
  cores?: number;
}

interface Kernel {
  procRoot: string;
  bootTime: number;
  pageSize: number;
}

export function createProcessTable(options: ProcessTableOptions = {}): ProcessTable {
  const procRoot = options.procRoot ?? '/proc';
  const kernel: Kernel = { procRoot, bootTime: readBootTimeSync(procRoot), pageSize: derivePageSizeSync(procRoot) };
  const cores = options.cores ?? availableParallelism();
  let previous = new Map<string, CpuSample>();

  return {
    async snapshot(options: { cycle?: boolean } = {}): Promise<ProcessSnapshot> {
      const at = Date.now();
      const monotonicMs = performance.now();
      const [processes, meminfo] = await Promise.all([readAll(kernel), readMeminfo(procRoot)]);
      const samples = new Map<string, CpuSample>();
      const percents = new Map<number, number | null>();
      for (const info of processes) {
        const key = cpuKey(info.pid, info.startTime);
        const sample = { cpuTimeMs: info.cpuTimeMs, monotonicMs };
        const before = previous.get(key);
        percents.set(info.pid, before ? cpuPercent(before, sample, info.threads, cores) : null);
        samples.set(key, sample);
      }
      // Reads between cycles would leave the next cycle a window of a few ms: only cycle reads set the baseline.
      if (options.cycle !== false) previous = samples;
      return buildSnapshot({ at, cores, memTotalBytes: meminfo.get('MemTotal') ?? 0, processes, percents });
    },
    readPidfile,
    isAlive: (pid: number) => isAlive(procRoot, pid),
    exists,
    async startTimeOf(pid: number): Promise<number | null> {
      if (!isPid(pid)) return null;
      const stat = parseStat(await readFile(join(procRoot, String(pid), 'stat'), 'utf8').catch(() => ''));
      // A zombie has finished: it has no start time worth matching (see isAlive).
      return stat && stat.state !== 'Z' ? startTimeMs(kernel, stat.startTicks) : null;
    },
    signal,
  };
}

async function readAll(kernel: Kernel): Promise<ProcessInfo[]> {
  const names = await readdir(kernel.procRoot);
  const pids = names.filter((name) => /^\d+$/.test(name)).map(Number);
  const infos = await Promise.all(pids.map((pid) => readProcess(kernel, pid)));
  return infos.filter((info): info is ProcessInfo => info !== null);
}

/** null when the process vanished (or is unreadable) during the read. */
async function readProcess(kernel: Kernel, pid: number): Promise<ProcessInfo | null> {
  const dir = join(kernel.procRoot, String(pid));
  try {
    const [statText, statusText, cmdline] = await Promise.all([
      readProcFile(join(dir, 'stat')),
      readProcFile(join(dir, 'status')),
      readProcFile(join(dir, 'cmdline')),
    ]);
    const stat = parseStat(statText);
    if (!stat) return null;
    return {
      pid: stat.pid,
      ppid: stat.ppid,
      startTime: startTimeMs(kernel, stat.startTicks),
      state: stat.state,
      ...parseStatus(statusText),
      threads: stat.threads,
      cmdline: formatCmdline(cmdline, stat.comm),
      rssBytes: stat.rssPages * kernel.pageSize,
      cpuTimeMs: (stat.cpuTicks * 1000) / CLOCK_TICKS_PER_SECOND,
    };
  } catch {
    return null;
  }
}

function startTimeMs(kernel: Kernel, startTicks: number): number {
  return kernel.bootTime + Math.round((startTicks * 1000) / CLOCK_TICKS_PER_SECOND);
}

/** kill(0) and kill(-1) would reach our own group or every process: never pass them on. */
function isPid(pid: number): boolean {
  return Number.isSafeInteger(pid) && pid > 0;
}

/** kill(pid, 0): the PID exists (EPERM: it does, and is not ours to signal). A zombie exists too. */
function exists(pid: number): boolean {
  if (!isPid(pid)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * kill(pid, 0), and not a zombie: a daemon is an orphan of init, and where init does not reap (some
 * containers and sandboxes) a dead daemon stays a zombie for good; it must still count as dead.
 */
function isAlive(procRoot: string, pid: number): boolean {
  if (!isPid(pid)) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = procStateSync(join(procRoot, String(pid), 'stat'));
  return state !== null && state !== 'Z';
}

/** false when the process does not exist, or may not be signalled by us (EPERM). */
function signal(pid: number, name: SignalName): boolean {
  if (!isPid(pid)) return false;
  try {
    process.kill(pid, name);
    return true;
  } catch {
    return false;
  }
}
