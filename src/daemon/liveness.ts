// Between cycles: a cheap kill(pid, 0) on every monitored PID, so a death is acted on within a fraction of a second.
import type { DaemonDeps } from './deps.ts';
import type { ServiceRuntime } from './runtime.ts';

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
    const interval = this.deps.livenessIntervalMs ?? 250;
    while (!this.controller.signal.aborted) {
      await this.deps.clock.sleep(interval, this.controller.signal);
      for (const rt of this.runtimes()) {
        if (rt.spec.type !== 'process' || rt.checking || rt.pending) continue;
        if (rt.state.monitoring === 'not monitored') continue;
        const pid = rt.state.identity?.pid;
        if (pid !== undefined && !this.deps.processTable.isAlive(pid)) this.onDeath(rt.spec.name);
      }
    }
  }
}
