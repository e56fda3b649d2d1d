// Between cycles: a cheap kill(pid, 0) on every monitored PID, so a death is acted on within a fraction of a second
// (and a zombie check now and then: where init does not reap, a dead daemon lingers as a zombie).
import type { DaemonDeps } from './deps.ts';
import type { ServiceRuntime } from './runtime.ts';

const FAST_MS = 50;
// kill(pid, 0) costs about a microsecond through node: with many services the pass is spread out to keep to
// about this many calls a second (N=500: every 250 ms), which still sees a death well within a cycle.
const KILLS_PER_SECOND = 2000;
// Only where init does not reap does a dead daemon linger as a zombie; a cycle sees it anyway, so the /proc read
// per PID that tells is done once a second (four times was a tenth of tsmonit's idle CPU at N=200), and not at
// all for a service whose check read that PID's stat line within the interval (at `daemon 1`, every service:
// those reads were a sixth of the /proc reads at N=500).
const ZOMBIE_CHECK_MS = 1000;

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
    const interval = this.deps.livenessIntervalMs ?? ZOMBIE_CHECK_MS;
    // kill(pid, 0) costs about a microsecond, a zombie check (a /proc read) about ten: the first every FAST_MS
    // (or spread out, see KILLS_PER_SECOND), so a process that is gone is seen within it (the recovery
    // benchmark), the second every interval.
    let sinceFull = 0;
    while (!this.controller.signal.aborted) {
      const runtimes = [...this.runtimes()];
      const budgetMs = Math.ceil((runtimes.length * 1000) / KILLS_PER_SECOND);
      const tick = table.exists ? Math.min(Math.max(FAST_MS, budgetMs), interval) : interval;
      await this.deps.clock.sleep(tick, this.controller.signal);
      sinceFull += tick;
      const full = sinceFull >= interval || !table.exists;
      if (full) sinceFull = 0;
      const now = this.deps.clock.now();
      for (const rt of runtimes) {
        if (rt.spec.type !== 'process' || rt.checking || rt.pending) continue;
        if (rt.state.monitoring === 'not monitored') continue;
        const pid = rt.state.identity?.pid;
        if (pid === undefined) continue;
        const zombieCheck = full && !checkedWithin(rt, now, interval);
        if (!(zombieCheck || !table.exists ? table.isAlive(pid) : table.exists(pid))) this.onDeath(rt.spec.name);
      }
    }
  }
}

/** A check found this service's process within the last `ms`: it read its stat line then (a zombie is dead there). */
function checkedWithin(rt: ServiceRuntime, now: number, ms: number): boolean {
  const last = rt.state.lastCheck;
  return last !== null && now - last < ms;
}
