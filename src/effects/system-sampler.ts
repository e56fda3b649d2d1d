// System figures from /proc: load, CPU split since the previous sample, memory, swap, uptime.
import { readFile } from 'node:fs/promises';
import { availableParallelism, hostname } from 'node:os';
import { join } from 'node:path';
import type { SystemSample } from '../model/observation.ts';
import type { SystemSampler } from '../model/ports.ts';
import { parseMeminfo, readBootTimeSync } from './proc/kernel.ts';

export interface SystemSamplerOptions {
  procRoot?: string;
  cores?: number;
}

/** Cumulative jiffies of the `cpu` line of /proc/stat, grouped the way monit reports them. */
export interface CpuTimes {
  user: number; // user + nice
  system: number; // system + irq + softirq
  wait: number; // iowait
  total: number; // user..steal (guest time is already inside user)
}

export function createSystemSampler(options: SystemSamplerOptions = {}): SystemSampler {
  const procRoot = options.procRoot ?? '/proc';
  const bootTime = readBootTimeSync(procRoot);
  const cores = options.cores ?? availableParallelism();
  let previous: CpuTimes | null = null;
  const read = (name: string): Promise<string> => readFile(join(procRoot, name), 'utf8');

  return {
    async sample(): Promise<SystemSample> {
      const at = Date.now();
      const [loadavg, stat, meminfo, uptime] = await Promise.all([
        read('loadavg'), read('stat'), read('meminfo'), read('uptime'),
      ]);
      const times = parseCpuLine(stat);
      const cpu = previous && times ? cpuSplit(previous, times) : null;
      if (times) previous = times;
      return {
        at,
        cores,
        load: parseLoad(loadavg),
        cpu,
        ...memoryFigures(parseMeminfo(meminfo)),
        uptimeS: Number(uptime.split(' ')[0]) || 0,
        bootTime,
      };
    },
    hostname: () => hostname(),
    bootTime: () => bootTime,
  };
}

export function parseLoad(text: string): [number, number, number] {
  const [one, five, fifteen] = text.split(' ').map(Number);
  return [one ?? 0, five ?? 0, fifteen ?? 0];
}

export function parseCpuLine(stat: string): CpuTimes | null {
  const match = /^cpu\s+([\d\s]+)$/m.exec(stat);
  if (!match?.[1]) return null;
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
    match[1].trim().split(/\s+/).map(Number);
  return {
    user: user + nice,
    system: system + irq + softirq,
    wait: iowait,
    total: user + nice + system + idle + iowait + irq + softirq + steal,
  };
}

/** Percent of all CPU time since the previous sample; null when no time passed (same tick). */
export function cpuSplit(before: CpuTimes, after: CpuTimes): SystemSample['cpu'] {
  const total = after.total - before.total;
  if (!(total > 0)) return null;
  const percent = (a: number, b: number): number => Math.max(0, ((a - b) / total) * 100);
  const user = percent(after.user, before.user);
  const system = percent(after.system, before.system);
  return { user, system, wait: percent(after.wait, before.wait), usage: user + system };
}

export function memoryFigures(meminfo: ReadonlyMap<string, number>): Pick<SystemSample, 'memory' | 'swap'> {
  const total = meminfo.get('MemTotal') ?? 0;
  // Kernels before 3.14 have no MemAvailable: approximate it the way free(1) did.
  const available = meminfo.get('MemAvailable')
    ?? (meminfo.get('MemFree') ?? 0) + (meminfo.get('Buffers') ?? 0) + (meminfo.get('Cached') ?? 0);
  const swapTotal = meminfo.get('SwapTotal') ?? 0;
  const swapUsed = swapTotal - (meminfo.get('SwapFree') ?? 0);
  const share = (part: number, whole: number): number => (whole > 0 ? (part / whole) * 100 : 0);
  return {
    memory: { bytes: total - available, percent: share(total - available, total), totalBytes: total },
    swap: { bytes: swapUsed, percent: share(swapUsed, swapTotal), totalBytes: swapTotal },
  };
}
