// The persistent outbox: alerts wait on disk until delivered, each destination in its own queue, in order, retried
// with backoff and jitter, across restarts. enqueue() returns at once, so a dead mail server never delays a check
// or a restart (monit sends before acting; a slow server delays its remedial action).
import type {
  AlertOutbox, AlertRoutes, Clock, Logger, MailTransport, OutgoingAlert, WebhookTransport,
} from '../../model/ports.ts';
import { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './backoff.ts';
import { isPermanent } from './delivery-error.ts';
import { OutboxStore } from './outbox-store.ts';

export interface OutboxOptions {
  dir: string;
  mail: MailTransport;
  webhook: WebhookTransport;
  logger: Logger;
  clock: Clock;
  retry?: RetryPolicy;
  /** Oldest alerts of a destination are dropped beyond this many (a receiver gone for good must not fill the disk). */
  maxPerDestination?: number;
  webhookTimeoutMs?: number;
  userAgent?: string;
  random?: () => number;
}

interface Entry {
  seq: number;
  alert: OutgoingAlert;
  saved: Promise<void>;
  inFlight: boolean;
}

/** Logs name a webhook by its origin only: Slack-style URLs carry their secret in the path. */
export function describeDestination(destination: string): string {
  if (!destination.startsWith('webhook:')) return destination;
  try {
    return `webhook:${new URL(destination.slice('webhook:'.length)).origin}/...`;
  } catch {
    return 'webhook:(bad url)';
  }
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class PersistentOutbox implements AlertOutbox {
  private readonly store: OutboxStore;
  private readonly queues = new Map<string, Entry[]>();
  private readonly workers = new Map<string, Promise<void>>();
  private readonly known = new Set<string>();
  private readonly saves = new Set<Promise<void>>();
  private early: OutgoingAlert[] = [];
  private routes: (() => AlertRoutes) | null = null;
  private running = false;
  private stopped = false;
  private nextSeq = 1;
  private readonly abort = new AbortController();
  private saveFailed = false;

  constructor(private readonly options: OutboxOptions) {
    this.store = new OutboxStore(options.dir, options.logger);
  }

  async start(routes: () => AlertRoutes): Promise<void> {
    if (this.running || this.stopped) return;
    this.routes = routes;
    let loaded: Awaited<ReturnType<OutboxStore['load']>> = [];
    try {
      loaded = await this.store.load();
    } catch (err) {
      this.options.logger.error(`outbox: cannot read ${this.store.dir}: ${message(err)}`);
    }
    for (const { seq, alert } of loaded) {
      this.nextSeq = Math.max(this.nextSeq, seq + 1);
      // A second copy of one alert (a crash between two writes) is removed, not sent twice.
      if (this.known.has(alert.id)) void this.store.remove(seq).catch(() => undefined);
      else this.add(seq, alert, Promise.resolve());
    }
    if (loaded.length > 0) this.options.logger.info(`outbox: ${loaded.length} undelivered alert(s) from before the restart`);
    this.running = true;
    const early = this.early;
    this.early = [];
    for (const alert of early) this.enqueue(alert);
    for (const destination of this.queues.keys()) this.kick(destination);
  }

  enqueue(alert: OutgoingAlert): void {
    if (this.known.has(alert.id)) return;
    if (!this.running && !this.stopped) {
      this.early.push(alert);
      return;
    }
    const seq = this.nextSeq++;
    this.add(seq, alert, this.persist(seq, alert));
    this.kick(alert.destination);
  }

  pending(): number {
    let n = this.early.length;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  async stop(graceMs: number): Promise<void> {
    const { clock } = this.options;
    const deadline = clock.now() + graceMs;
    while (this.running && this.pending() > 0 && clock.now() < deadline) await clock.sleep(Math.min(50, deadline - clock.now()));
    this.running = false;
    this.stopped = true;
    this.abort.abort();
    await Promise.allSettled([...this.workers.values()]);
    await Promise.allSettled([...this.saves]);
  }

  private add(seq: number, alert: OutgoingAlert, saved: Promise<void>): void {
    this.known.add(alert.id);
    const q = this.queues.get(alert.destination) ?? [];
    this.queues.set(alert.destination, q);
    q.push({ seq, alert, saved, inFlight: false });
    const max = this.options.maxPerDestination ?? 1000;
    if (q.length > max) {
      const victim = q[0]!.inFlight ? 1 : 0;
      const [dropped] = q.splice(victim, 1);
      if (dropped) {
        this.options.logger.error(`outbox: more than ${max} alerts wait for ${describeDestination(alert.destination)}; dropped the oldest (${dropped.alert.summary})`);
        this.forget(dropped);
      }
    }
  }

  private persist(seq: number, alert: OutgoingAlert): Promise<void> {
    const p = this.store.save({ seq, alert }).catch((err: unknown) => {
      // Delivery goes on from memory; only a restart would lose the alert.
      if (!this.saveFailed) this.options.logger.error(`outbox: cannot save an alert in ${this.store.dir}: ${message(err)}`);
      this.saveFailed = true;
    });
    this.saves.add(p);
    void p.finally(() => this.saves.delete(p));
    return p;
  }

  private forget(entry: Entry): void {
    this.known.delete(entry.alert.id);
    const removal = entry.saved.then(() => this.store.remove(entry.seq)).catch((err: unknown) => {
      this.options.logger.error(`outbox: cannot remove a delivered alert: ${message(err)}`);
    });
    this.saves.add(removal);
    void removal.finally(() => this.saves.delete(removal));
  }

  private kick(destination: string): void {
    if (!this.running || this.workers.has(destination)) return;
    const worker = this.work(destination).finally(() => {
      this.workers.delete(destination);
      const q = this.queues.get(destination);
      if (q && q.length === 0) this.queues.delete(destination);
      else if (q) this.kick(destination);
    });
    this.workers.set(destination, worker);
  }

  /** One destination: the oldest alert first; nothing newer goes out before it. */
  private async work(destination: string): Promise<void> {
    const q = this.queues.get(destination);
    let attempt = 0;
    while (this.running && q && q.length > 0) {
      const entry = q[0]!;
      entry.inFlight = true;
      try {
        await this.deliver(entry.alert);
        entry.inFlight = false;
        if (attempt > 0) this.options.logger.info(`outbox: ${describeDestination(destination)} reachable again after ${attempt} failed attempt(s)`);
        attempt = 0;
        if (q[0] === entry) q.shift();
        this.forget(entry);
      } catch (err) {
        entry.inFlight = false;
        if (!this.running) return;
        if (isPermanent(err)) {
          this.options.logger.error(`alert ${entry.alert.summary} to ${describeDestination(destination)} dropped: ${message(err)}`);
          if (q[0] === entry) q.shift();
          this.forget(entry);
          continue;
        }
        attempt++;
        const delay = retryDelay(this.options.retry ?? DEFAULT_RETRY, attempt, this.options.random);
        // First failure, then the 2nd, 4th, 8th...: a long outage does not flood the log.
        if ((attempt & (attempt - 1)) === 0) {
          this.options.logger.warn(
            `alert ${entry.alert.summary} to ${describeDestination(destination)} not delivered (${message(err)}); ` +
            `attempt ${attempt}, next in ${Math.round(delay / 100) / 10} s, ${q.length} waiting`,
          );
        }
        await this.options.clock.sleep(delay, this.abort.signal);
      }
    }
  }

  private deliver(alert: OutgoingAlert): Promise<void> {
    const routes = this.routes!();
    const signal = this.abort.signal;
    const d = alert.delivery;
    if (d.channel === 'mail') return this.options.mail.send(d.message, routes.mailservers, signal);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': this.options.userAgent ?? 'tsmonit',
      'x-tsmonit-alert-id': alert.id,
    };
    const secret = routes.webhookSecret(d.url);
    if (secret !== undefined) headers['x-tsmonit-secret'] = secret;
    return this.options.webhook.post({ url: d.url, body: d.body, headers, timeoutMs: this.options.webhookTimeoutMs ?? 10_000, signal });
  }
}
