// Open /proc files kept open between cycles: a cycle reads the stat line (and children) of every monitored
// process, and opening and closing the file were two of its three system calls (the overhead benchmark's
// profile). A descriptor stays bound to the process it was opened for: once that process is gone, a read fails
// (ESRCH) even when its PID has been reused, so a failed read is retried on a freshly opened file.
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFdSync, readProcFileSync } from './read-proc.ts';

interface PidFiles {
  stat: number;
  children: number | null;
  usedAt: number;
}

/** Descriptors not used for this long belong to a process no check looks at any more. */
const IDLE_MS = 60_000;

export class ProcFdCache {
  private readonly files = new Map<number, PidFiles>();
  private readonly max: number;

  constructor(private readonly procRoot: string, max = descriptorBudget(procRoot)) {
    this.max = max;
  }

  /** /proc/PID/stat, or null when the process is gone. */
  readStat(pid: number, now: number): string | null {
    const cached = this.files.get(pid);
    if (cached) {
      const text = readFdSync(cached.stat);
      if (text !== null) {
        cached.usedAt = now;
        return text;
      }
      this.forget(pid); // that process is gone; the PID may be another's now
    }
    const fd = openOrNull(`${this.procRoot}/${pid}/stat`);
    if (fd === null) return null;
    const text = readFdSync(fd);
    if (text === null || this.files.size >= this.max) closeSync(fd);
    else this.files.set(pid, { stat: fd, children: null, usedAt: now });
    return text;
  }

  /** /proc/PID/task/PID/children (the main thread's children), after readStat of the same PID. */
  readChildren(pid: number): string | null {
    const cached = this.files.get(pid);
    const path = `${this.procRoot}/${pid}/task/${pid}/children`;
    if (!cached) return readProcFileSync(path);
    cached.children ??= openOrNull(path);
    return cached.children === null ? null : readFdSync(cached.children);
  }

  /** Closes what was not used for a while. */
  sweep(now: number): void {
    for (const [pid, files] of this.files) if (now - files.usedAt > IDLE_MS) this.forget(pid);
  }

  closeAll(): void {
    for (const pid of [...this.files.keys()]) this.forget(pid);
  }

  get size(): number {
    return this.files.size;
  }

  private forget(pid: number): void {
    const files = this.files.get(pid);
    if (!files) return;
    this.files.delete(pid);
    closeSync(files.stat);
    if (files.children !== null) closeSync(files.children);
  }
}

function openOrNull(path: string): number | null {
  try {
    return openSync(path, 'r');
  } catch {
    return null;
  }
}

/** A quarter of our open-files limit, at most 4096: descriptors are for sockets and programs first. */
function descriptorBudget(procRoot: string): number {
  try {
    const line = /^Max open files\s+(\d+|unlimited)/m.exec(readFileSync(join(procRoot, 'self', 'limits'), 'latin1'));
    const soft = line?.[1] === 'unlimited' ? Infinity : Number(line?.[1]);
    return Number.isFinite(soft) || soft === Infinity ? Math.min(4096, Math.floor(soft / 4)) : 256;
  } catch {
    return 256;
  }
}
