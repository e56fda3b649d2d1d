// A fixed-rate loop (not "interval + time spent"): tick k runs at start + k * period.
// wake() runs the next tick now (SIGUSR1, validate); stop() ends the loop.
import type { Clock } from '../model/ports.ts';

export class CycleLoop {
  private wakeController = new AbortController();
  private stopped = false;
  private running: Promise<void> | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly periodMs: () => number,
    private readonly tick: (cycle: number) => Promise<void>,
  ) {}

  start(startDelayMs: number): void {
    this.running = this.run(startDelayMs);
  }

  wake(): void {
    this.wakeController.abort();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeController.abort();
    await this.running;
  }

  private async sleep(ms: number): Promise<void> {
    if (ms > 0) await this.clock.sleep(ms, this.wakeController.signal);
    if (this.wakeController.signal.aborted) this.wakeController = new AbortController();
  }

  private async run(startDelayMs: number): Promise<void> {
    await this.sleep(startDelayMs);
    let cycle = 0;
    let next = this.clock.now();
    while (!this.stopped) {
      await this.tick(cycle++);
      const period = this.periodMs();
      next += period;
      const now = this.clock.now();
      // Fell behind (a slow snapshot, a suspended machine): skip the missed ticks rather than bursting.
      if (next < now) next = now + period - ((now - next) % period);
      if (this.stopped) break;
      const before = this.clock.now();
      await this.sleep(next - before);
      // Woken early: the next regular tick counts from here.
      if (this.clock.now() < next - 1) next = this.clock.now();
    }
  }
}
