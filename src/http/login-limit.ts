// Failed logins per client address in a sliding minute (`login_limit`, default 10): past the limit the
// address gets 429 until its oldest failure is a minute old, whatever credentials it sends.
// @fastify/rate-limit counts requests, not failures, so this small window is ours.

const WINDOW_MS = 60_000;
const MAX_ADDRESSES = 10_000;

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(address: string): number[] {
    const since = this.now() - WINDOW_MS;
    const times = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(address);
    else this.failures.set(address, times);
    return times;
  }

  /** Seconds until the address may try again, or 0 when it may try now. */
  blockedFor(address: string): number {
    if (!this.failures.has(address)) return 0; // the common case, asked on every request
    const times = this.recent(address);
    if (times.length < this.limit) return 0;
    return Math.max(1, Math.ceil((times[times.length - this.limit]! + WINDOW_MS - this.now()) / 1000));
  }

  fail(address: string): void {
    if (this.failures.size >= MAX_ADDRESSES && !this.failures.has(address)) this.prune();
    const times = this.recent(address);
    times.push(this.now());
    // Only the newest `limit` failures matter for the decision.
    this.failures.set(address, times.slice(-this.limit));
  }

  private prune(): void {
    for (const address of [...this.failures.keys()]) this.recent(address);
    // Still full (a flood from many addresses): forget the oldest half rather than grow without bound.
    if (this.failures.size >= MAX_ADDRESSES) {
      let n = 0;
      for (const key of this.failures.keys()) if (n++ < MAX_ADDRESSES / 2) this.failures.delete(key);
    }
  }
}
