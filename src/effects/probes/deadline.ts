// One deadline for a whole probe attempt: connect, TLS and the dialog share the test's timeout.
import { performance } from 'node:perf_hooks';

export class Deadline {
  readonly started = performance.now();

  constructor(readonly timeoutMs: number, readonly signal?: AbortSignal) {}

  remainingMs(): number {
    return Math.max(0, this.started + this.timeoutMs - performance.now());
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }
}
