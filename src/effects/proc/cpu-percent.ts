// monit's per-process CPU percent: the delta of CPU time over the delta of wall time, relative to
// one CPU for a single thread and to min(threads, cores) CPUs for a multi-threaded process.

export interface CpuSample {
  cpuTimeMs: number;
  /** Monotonic ms (performance.now), so wall-clock jumps do not distort the delta. */
  monotonicMs: number;
}

export function cpuPercent(previous: CpuSample, current: CpuSample, threads: number, cores: number): number | null {
  const wallMs = current.monotonicMs - previous.monotonicMs;
  if (!(wallMs > 0)) return null;
  const cpuMs = Math.max(0, current.cpuTimeMs - previous.cpuTimeMs);
  const cpus = Math.max(1, Math.min(threads, cores));
  // Tick granularity (10 ms) can push a short sample a little above 100.
  return Math.min(100, (cpuMs / wallMs) * 100 / cpus);
}

/** Samples keyed by pid and start time, so a reused pid never inherits another process's history. */
export function cpuKey(pid: number, startTime: number): string {
  return `${pid}@${startTime}`;
}
