// What /proc says about one process: CPU time used (utime + stime) and resident memory.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

let ticksPerSecond: number | null = null;

function clockTicks(): number {
  if (ticksPerSecond === null) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** CPU milliseconds the process itself has used (not its children), or null when it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "(comm) ": state is field 3, so utime (14) and stime (15) are at offsets 11 and 12.
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / clockTicks();
  } catch {
    return null;
  }
}

/** Resident set size in MB (VmRSS), or null when the process is gone. */
export function rssMb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Alive and not a zombie (PID 1 here may not reap, so a dead daemon can linger as 'Z'). */
export function isLive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The 1-minute load average. */
export function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

export interface MemoryMb {
  /** VmRSS: all resident pages. */
  vmRss: number;
  /** RssAnon: resident anonymous pages (heaps, stacks). */
  rssAnon: number;
  /** RssFile: resident pages of mapped files (the executable, shared libraries). */
  rssFile: number;
}

/** VmRSS, RssAnon and RssFile in MB from one read of /proc/PID/status, or null when the process is gone. */
export function memoryMb(pid: number): MemoryMb | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const field = (name: string): number | null => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) / 1024 : null;
  };
  const [vmRss, rssAnon, rssFile] = [field('VmRSS'), field('RssAnon'), field('RssFile')];
  return vmRss === null || rssAnon === null || rssFile === null ? null : { vmRss, rssAnon, rssFile };
}
