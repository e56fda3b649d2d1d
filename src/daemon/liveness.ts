// Between cycles: a cheap kill(pid, 0) on every monitored PID, so a death is acted on within a fraction of a second
// (and a zombie check now and then: where init does not reap, a dead daemon lingers as a zombie). When the host's
// task table says no task came or went since a PID was last seen alive, that PID is not asked again.
import type { DaemonDeps } from './deps.ts';
import type { ServiceRuntime } from './runtime.ts';

// Every wake-up of node costs about 130 us of CPU on our 2-vCPU vm (a bare setInterval: 2.6 ms/s at 20 a second):
// 100 ms still sees a death within a fraction of a cycle (recovery benchmark) at half the 50 ms tick's cost.
const FAST_MS = 100;
// kill(pid, 0) costs about 1.5 us through node (two system calls: node asks getpid() first): with many services
// the pass is spread out to keep to about this many calls a second (N=500: every 250 ms) where tasks come and go
// all the time, which still sees a death well within a cycle.
const KILLS_PER_SECOND = 2000;
// Only where init does not reap does a dead daemon linger as a zombie; a cycle sees it anyway, so the /proc read
// per PID that tells is done once a second (four times was a tenth of tsmonit's idle CPU at N=200), and not at
// all for a service whose check read that PID's stat line within the interval (at `daemon 1`, every service:
// those reads were a sixth of the /proc reads at N=500).
const ZOMBIE_CHECK_MS = 1000;

/**
 * Each pass is one plain timer callback: no promise, no abort listener, no copied list. With few services the
 * wake-ups themselves are much of an idle tsmonit's CPU, and an async loop around a sleep with an abort signal
 * cost about twice a bare timer's wake-up (the overhead benchmark's set-up at N=1 and N=50).
 */
export class LivenessWatch {
  private cancel: (() => void) | null = null;
  private sinceFull = 0;
  /**
   * The PID to watch (-1: none) for the state a runtime had when last looked at. Service states come in many
   * shapes, so reading their fields on every pass was megamorphic property access, a third of the pass; a state
   * is replaced, never changed in place, so the answer holds while the state (and the spec: a reload) is the same.
   */
  private readonly watched = new WeakMap<ServiceRuntime, Watched>();

  constructor(
    private readonly deps: DaemonDeps,
    private readonly runtimes: () => Iterable<ServiceRuntime>,
    private readonly onDeath: (name: string) => void,
  ) {}

  start(): void {
    if (this.cancel === null) this.schedule();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /** kill(pid, 0) every FAST_MS (or spread out, see KILLS_PER_SECOND), the zombie check every interval. */
  private schedule(): void {
    const interval = this.interval();
    let count = 0;
    for (const _ of this.runtimes()) count++;
    const budgetMs = Math.ceil((count * 1000) / KILLS_PER_SECOND);
    const tick = this.deps.processTable.exists ? Math.min(Math.max(FAST_MS, budgetMs), interval) : interval;
    this.cancel = this.deps.clock.after(tick, () => {
      try {
        this.pass(tick, interval);
      } finally {
        if (this.cancel !== null) this.schedule();
      }
    });
  }

  private interval(): number {
    return this.deps.livenessIntervalMs ?? ZOMBIE_CHECK_MS;
  }

  private watchedOf(rt: ServiceRuntime): Watched {
    let memo = this.watched.get(rt);
    if (memo === undefined) this.watched.set(rt, (memo = { spec: rt.spec, state: rt.state, pid: watchedPid(rt), seenAt: null }));
    else if (memo.state !== rt.state || memo.spec !== rt.spec) {
      memo.spec = rt.spec;
      memo.state = rt.state;
      memo.pid = watchedPid(rt);
      memo.seenAt = null;
    }
    return memo;
  }

  private pass(tick: number, interval: number): void {
    const table = this.deps.processTable;
    this.sinceFull += tick;
    const full = this.sinceFull >= interval || !table.exists;
    if (full) this.sinceFull = 0;
    const now = this.deps.clock.now();
    // Read before the PIDs are looked at: a death after this read changes the next one.
    const token = table.taskTableToken?.() ?? null;
    const dead: string[] = [];
    for (const rt of this.runtimes()) {
      if (rt.checking || rt.pending) continue;
      const memo = this.watchedOf(rt);
      if (memo.pid < 0) continue;
      let alive: boolean;
      if ((full && !checkedWithin(rt, now, interval)) || !table.exists) alive = table.isAlive(memo.pid);
      // Seen alive since the last time a task came or went: it still is.
      else if (token !== null && memo.seenAt === token) continue;
      else alive = table.exists(memo.pid);
      if (alive) memo.seenAt = token;
      else dead.push(rt.spec.name);
    }
    // Told after the pass: what onDeath starts may change the services being iterated.
    for (const name of dead) this.onDeath(name);
  }
}

interface Watched {
  spec: ServiceRuntime['spec'];
  state: ServiceRuntime['state'];
  /** The PID to watch, -1 for none. */
  pid: number;
  /** The task table token read before this PID was last seen alive (null: not seen since the state changed). */
  seenAt: string | null;
}

/** The monitored process's PID, or -1 when there is none to watch. */
function watchedPid(rt: ServiceRuntime): number {
  if (rt.spec.type !== 'process' || rt.state.monitoring === 'not monitored') return -1;
  return rt.state.identity?.pid ?? -1;
}

/** A check found this service's process within the last `ms`: it read its stat line then (a zombie is dead there). */
function checkedWithin(rt: ServiceRuntime, now: number, ms: number): boolean {
  const last = rt.state.lastCheck;
  return last !== null && now - last < ms;
}
