// The AlertDispatcher: from events to alerts for each recipient, rendered and handed to the outbox. It never
// waits for a delivery: the outbox keeps alerts on disk and delivers them in the background.
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../model/config.ts';
import type { CheckOutput } from '../model/evaluation.ts';
import type { TsmEvent } from '../model/event.ts';
import type { AlertOutbox, AlertRoutes, Logger, OutgoingAlert } from '../model/ports.ts';
import type { AlertRecipient, ServiceSpec } from '../model/service.ts';
import { eventName, type AlertEvent } from './alerts-event.ts';
import { renderMail } from './alerts-mail.ts';
import { alertable, FailureLatch } from './alerts-policy.ts';
import { destinationOf, recipientsFor, wantsKind } from './alerts-recipients.ts';
import { ReminderCounter } from './alerts-reminders.ts';
import { webhookPayload } from './alerts-webhook.ts';
import type { ServiceStatus } from './facade.ts';
import { quote } from './messages.ts';

export interface AlertHost {
  config(): Config;
  hostname(): string;
  now(): number;
  /** The service as the API shows it; null when there is no such service (instance events name the host). */
  statusOf(service: string): ServiceStatus | null;
  /** The output of a `check program` at its last run (the evidence of its rule events); null for other checks. */
  programOutput(service: string): string | null;
  logger: Logger;
}

/** Next to the state file: `/var/lib/tsmonit/state.json` keeps its undelivered alerts in `state.outbox/`. */
export function outboxDirFor(statefile: string): string {
  return join(dirname(statefile), `${basename(statefile).replace(/\.json$/, '')}.outbox`);
}

export class AlertDispatcher {
  private readonly latch = new FailureLatch();
  private readonly reminders = new ReminderCounter();
  private warnedNoMailserver = false;

  constructor(private readonly host: AlertHost, private readonly outbox: AlertOutbox | undefined) {}

  /** Loads what a previous run left undelivered and starts delivering. */
  async start(): Promise<void> {
    if (!this.outbox) return;
    await this.outbox.start(() => this.routes());
  }

  /** Every event the daemon records passes here. */
  onEvent(event: TsmEvent): void {
    this.reminders.noteEvent(event);
    if (!this.latch.admit(event) || !alertable(event)) return;
    const output = event.rule !== undefined && event.output === undefined ? this.host.programOutput(event.service) : null;
    this.send({ ...event, ...(output ? { output } : {}) }, (r) => wantsKind(r, event.kind));
  }

  /** After each check of a service: reminders for what still fails. */
  afterCheck(spec: ServiceSpec, out: CheckOutput): void {
    for (const still of this.reminders.afterCheck(spec, out, this.host.now())) {
      const kind = still.event.kind;
      this.send(still.event, (r) => wantsKind(r, kind) && (still.ruleReminder || (r.reminder !== undefined && still.checks % r.reminder === 0)));
    }
  }

  /** After a reload: forget services that are gone. */
  reloaded(): void {
    const names = new Set(this.host.config().services.map((s) => s.name));
    this.reminders.retain((n) => names.has(n));
    this.warnedNoMailserver = false;
  }

  pending(): number {
    return this.outbox?.pending() ?? 0;
  }

  /** Gives the queue up to graceMs to drain (the "stopped" alert among them); the rest waits on disk. */
  async stop(graceMs: number): Promise<void> {
    await this.outbox?.stop(graceMs);
  }

  private send(event: AlertEvent, wants: (r: AlertRecipient) => boolean): void {
    const cfg = this.host.config();
    const recipients = recipientsFor(cfg, event.service).filter(wants);
    if (recipients.length === 0) return;
    const summary = `${quote(event.service)} ${eventName(event.kind, event.state)}${event.reminder !== undefined ? ' (reminder)' : ''}`;
    if (!this.outbox) {
      this.host.logger.warn(`alert ${summary} not sent: this build has no alert delivery`);
      return;
    }
    for (const r of recipients) {
      const alert = this.render(cfg, event, r, summary);
      if (alert) this.outbox.enqueue(alert);
    }
  }

  private render(cfg: Config, event: AlertEvent, r: AlertRecipient, summary: string): OutgoingAlert | null {
    const id = randomUUID();
    const host = this.host.hostname();
    const base = { id, destination: destinationOf(r), created: this.host.now(), summary };
    if (r.email !== undefined) {
      if (cfg.mailservers.length === 0) {
        if (!this.warnedNoMailserver) this.host.logger.error('alerts by mail are configured but no mail servers are defined (mailserver)');
        this.warnedNoMailserver = true;
        return null;
      }
      const message = renderMail({ event, host, to: r.email, alertId: id, formats: [r.mailFormat, cfg.mailFormat] });
      return { ...base, delivery: { channel: 'mail', message } };
    }
    const body = JSON.stringify(webhookPayload(event, host, this.host.statusOf(event.service), id));
    return { ...base, delivery: { channel: 'webhook', url: r.webhook ?? '', body } };
  }

  private routes(): AlertRoutes {
    const cfg = this.host.config();
    return {
      mailservers: cfg.mailservers,
      webhookSecret: (url) => {
        const all = [...cfg.alerts, ...cfg.services.flatMap((s) => s.alerts)];
        return all.find((r) => r.webhook === url && r.secret !== undefined)?.secret;
      },
    };
  }
}
