// The daemon's work in flight (checks, actions, saves): tracked so a pass or a quit can wait for it.
import type { Logger } from '../model/ports.ts';

/** One line for the operator; the stack only at debug level (-v). */
export function logInternalError(logger: Logger, what: string, err: unknown): void {
  logger.error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  if (err instanceof Error && err.stack) logger.debug(err.stack);
}

export class InFlight {
  private readonly tasks = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  /** Fire and forget, but never unseen: a rejection is logged as an internal error. */
  track<T>(promise: Promise<T>): void {
    const p = promise.catch((err: unknown) => {
      logInternalError(this.logger, 'internal error', err);
    });
    this.tasks.add(p);
    void p.finally(() => this.tasks.delete(p));
  }

  /** Waits until nothing tracked is in flight, including work started meanwhile. */
  async settle(): Promise<void> {
    while (this.tasks.size > 0) await Promise.allSettled([...this.tasks]);
  }
}
