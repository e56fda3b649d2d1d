// One connection attempt with a deadline. Always destroys the socket it was given.
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Endpoint } from './endpoint.ts';
import type { SocketFactory } from './types.ts';

export type ConnectOutcome =
  | { ok: true; socket: Socket; elapsedMs: number }
  | { ok: false; reason: string };

/**
 * Resolves once connected (the caller then owns the socket and must destroy it), or with why not:
 * "failed: ECONNREFUSED", "timed out after 5000 ms", "aborted".
 */
export function connectWithin(connect: SocketFactory, endpoint: Endpoint, timeoutMs: number,
  signal?: AbortSignal): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    const started = performance.now();
    let socket: Socket;
    try {
      socket = connect(endpoint.options);
    } catch (error) {
      resolve({ ok: false, reason: `failed: ${errorReason(error)}` });
      return;
    }
    const finish = (outcome: ConnectOutcome): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeListener('connect', onConnect);
      socket.removeListener('error', onError);
      socket.on('error', () => undefined); // late errors after we let go
      if (!outcome.ok) socket.destroy();
      resolve(outcome);
    };
    const onConnect = (): void => finish({ ok: true, socket, elapsedMs: performance.now() - started });
    const onError = (error: Error): void => finish({ ok: false, reason: `failed: ${errorReason(error)}` });
    const onAbort = (): void => finish({ ok: false, reason: 'aborted' });
    const timer = setTimeout(() => finish({ ok: false, reason: `timed out after ${timeoutMs} ms` }), timeoutMs);
    socket.once('connect', onConnect);
    socket.once('error', onError);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) onAbort();
  });
}

/** The errno code when there is one; all-addresses-failed (happy eyeballs) reports each code once. */
function errorReason(error: unknown): string {
  if (error instanceof AggregateError) {
    const codes = new Set(error.errors.map(errorReason));
    return [...codes].join(', ');
  }
  if (error instanceof Error) return (error as NodeJS.ErrnoException).code ?? error.message;
  return String(error);
}
