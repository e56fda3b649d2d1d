// Retry delays: exponential, capped, with jitter so that many tsmonits do not retry one receiver in step.

export interface RetryPolicy {
  /** Delay before the first retry (ms). */
  minMs: number;
  /** Cap (ms). */
  maxMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { minMs: 2_000, maxMs: 300_000 };

/** attempt 1 = the first failure. "Equal jitter": between half and all of the exponential delay. */
export function retryDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxMs, policy.minMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(exp / 2 + random() * (exp / 2));
}
