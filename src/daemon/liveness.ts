// Between cycles: a cheap kill(pid, 0) on every monitored PID, so a death is acted on within a fraction of a second
// (and a zombie check now and then: where init does not reap, a dead daemon lingers as a zombie).
import type { DaemonDeps } from './deps.ts';
import type { ServiceRuntime } from './runtime.ts';

const FAST_MS = 50;

export class LivenessWatch {
  private controller = new AbortController();
  private running: Promise<void> | null = null;

  constructor(
    private readonly deps: DaemonDeps,
    private readonly runtimes: () => Iterable<ServiceRuntime>,
    private readonly onDeath: (name: string) => void,
  ) {}

  start(): void {
    this.running = this.run();
  }

  stop(): void {
    this.controller.abort();
  }

  private async run(): Promise<void> {
    const table = this.deps.processTable;
    const interval = this.deps.livenessIntervalMs ?? 250;
    // kill(pid, 0) costs well under a microsecond, a zombie check (a /proc read) about ten: the first every
    // FAST_MS, so a process that is gone is seen within it (the recovery benchmark), the second every interval.
    const tick = table.exists ? Math.min(FAST_MS, interval) : interval;
    const fullEvery = Math.max(1, Math.round(interval / tick));
    for (let n = 1; !this.controller.signal.aborted; n++) {
      await this.deps.clock.sleep(tick, this.controller.signal);
      const full = n % fullEvery === 0 || !table.exists;
      for (const rt of this.runtimes()) {
        if (rt.spec.type !== 'process' || rt.checking || rt.pending) continue;
        if (rt.state.monitoring === 'not monitored') continue;
        const pid = rt.state.identity?.pid;
        if (pid !== undefined && !(full ? table.isAlive(pid) : table.exists!(pid))) this.onDeath(rt.spec.name);
      }
    }
  }
}
