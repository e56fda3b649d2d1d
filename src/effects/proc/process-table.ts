// ProcessTable over Linux /proc. We read /proc ourselves (no pidusage): identity needs the raw start time, and a
// snapshot reads lazily what the checks ask for (snapshot.ts).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ProcessSnapshot } from '../../model/observation.ts';
import type { ProcessTable, SignalName } from '../../model/ports.ts';
import { childrenFilesSupported } from './children.ts';
import { CpuBaseline } from './cpu-percent.ts';
import { derivePageSizeSync, readBootTimeSync, readMemTotalSync } from './kernel.ts';
import { createPidfileReader } from './pidfile.ts';
import { parseStat } from './proc-files.ts';
import { isPid, ProcReader, startTimeMs, type ProcKernel } from './proc-reader.ts';
import { readProcFileSync } from './read-proc.ts';
import { createSnapshot } from './snapshot.ts';
import { createTaskTableToken } from './task-table-token.ts';

export interface ProcessTableOptions {
  procRoot?: string;
  /** Defaults to os.availableParallelism(). */
  cores?: number;
}

export function createProcessTable(options: ProcessTableOptions = {}): ProcessTable {
  const procRoot = options.procRoot ?? '/proc';
  const kernel: ProcKernel = {
    procRoot,
    bootTime: readBootTimeSync(procRoot),
    pageSize: derivePageSizeSync(procRoot),
    childrenFiles: childrenFilesSupported(procRoot, process.pid),
  };
  const cores = options.cores ?? availableParallelism();
  const baseline = new CpuBaseline();
  const reader = new ProcReader(kernel);

  return {
    async snapshot(options: { cycle?: boolean } = {}): Promise<ProcessSnapshot> {
      const at = Date.now();
      const cycle = options.cycle !== false;
      if (cycle) {
        baseline.prune(performance.now());
        reader.sweep(at);
      }
      return createSnapshot({ reader, at, cores, memTotalBytes: readMemTotalSync(procRoot), baseline, cycle });
    },
    readPidfile: createPidfileReader(),
    isAlive: (pid: number) => isAlive(pid, (p) => reader.state(p, Date.now())),
    exists,
    taskTableToken: createTaskTableToken(procRoot),
    async startTimeOf(pid: number): Promise<number | null> {
      if (!isPid(pid)) return null;
      const stat = parseStat(readProcFileSync(join(procRoot, String(pid), 'stat')) ?? '');
      // A zombie has finished: it has no start time worth matching (see isAlive).
      return stat && stat.state !== 'Z' ? startTimeMs(kernel, stat.startTicks) : null;
    },
    signal,
  };
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
function isAlive(pid: number, stateOf: (pid: number) => string | null): boolean {
  if (!isPid(pid)) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = stateOf(pid);
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
