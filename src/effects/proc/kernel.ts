// System-wide constants and counters read from /proc: boot time, page size, meminfo.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readProcFileSync } from './read-proc.ts';

/** USER_HZ as the kernel exports it in /proc; 100 on every Linux architecture we run on (see the test). */
export const CLOCK_TICKS_PER_SECOND = 100;

const DEFAULT_PAGE_SIZE = 4096;
const PAGE_SIZES = [4096, 8192, 16384, 65536];

/**
 * Boot time, ms epoch. From /proc/uptime (centiseconds) when it is there: `btime` in /proc/stat is whole
 * seconds and wobbles by one between reads, which would make process start times (and so PID identity)
 * differ by a second between two tsmonit runs. Falls back to `btime`.
 */
export function readBootTimeSync(procRoot: string): number {
  try {
    const uptime = Number(readFileSync(join(procRoot, 'uptime'), 'utf8').split(' ')[0]);
    if (Number.isFinite(uptime) && uptime > 0) return Math.round(Date.now() - uptime * 1000);
  } catch {
    // fall through to btime
  }
  const text = readFileSync(join(procRoot, 'stat'), 'utf8');
  const match = /^btime\s+(\d+)/m.exec(text);
  if (!match?.[1]) throw new Error(`no btime in ${join(procRoot, 'stat')}`);
  return Number(match[1]) * 1000;
}

/**
 * The page size, derived once: resident pages (/proc/self/statm) against VmRSS (kB) of the same
 * process, snapped to a real page size (the two reads are not atomic). Falls back to 4096.
 */
export function derivePageSizeSync(procRoot: string): number {
  try {
    const pages = Number(readFileSync(join(procRoot, 'self', 'statm'), 'utf8').split(' ')[1]);
    const status = readFileSync(join(procRoot, 'self', 'status'), 'utf8');
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    if (!(pages > 0) || !(kb > 0)) return DEFAULT_PAGE_SIZE;
    const estimate = (kb * 1024) / pages;
    return PAGE_SIZES.reduce((best, size) =>
      Math.abs(Math.log2(size / estimate)) < Math.abs(Math.log2(best / estimate)) ? size : best);
  } catch {
    return DEFAULT_PAGE_SIZE;
  }
}

/** /proc/meminfo as bytes by key (values are in kB there). */
export function parseMeminfo(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^(\w+(?:\(\w+\))?):\s+(\d+)(?:\s+kB)?/.exec(line);
    if (match?.[1] && match[2]) values.set(match[1], Number(match[2]) * 1024);
  }
  return values;
}

/**
 * MemTotal of /proc/meminfo in bytes (0 when it cannot be read). Read synchronously, like the other /proc files:
 * through the thread pool (open, fstat, read, read, close) it was five hand-offs between threads every cycle.
 */
export function readMemTotalSync(procRoot: string): number {
  const text = readProcFileSync(join(procRoot, 'meminfo')) ?? '';
  const match = /^MemTotal:\s+(\d+)/m.exec(text);
  return match?.[1] ? Number(match[1]) * 1024 : 0;
}
