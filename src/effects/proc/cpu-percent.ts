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

/** A sample not refreshed for this long belongs to a process no check looks at any more. */
const FORGET_AFTER_MS = 10 * 60_000;

/**
 * The CPU samples percentages are measured against. Only cycle reads move a process's sample (an early
 * check between cycles would otherwise leave the next cycle a window of a few ms); a process read less often
 * (`every N cycles`) keeps its sample until it is read again.
 */
export class CpuBaseline {
  private readonly samples = new Map<string, CpuSample>();

  /** The percentage since the process's sample (null on first sight); `record` makes this its new sample. */
  measure(key: string, sample: CpuSample, threads: number, cores: number, record: boolean): number | null {
    const before = this.samples.get(key);
    if (record) this.samples.set(key, sample);
    return before ? cpuPercent(before, sample, threads, cores) : null;
  }

  /** Drops the samples of processes not read for a while (gone, or no longer monitored). */
  prune(monotonicMs: number): void {
    for (const [key, sample] of this.samples) if (monotonicMs - sample.monotonicMs > FORGET_AFTER_MS) this.samples.delete(key);
  }

  get size(): number {
    return this.samples.size;
  }
}
