// An alert as a webhook body: the API's Event shape, plus the host, the service's status, and a `text` line so
// Slack-compatible receivers (Slack, Mattermost, Rocket.Chat) show it as it is.
import { eventName, figuresInWords, type AlertEvent } from './alerts-event.ts';
import type { TsmEvent } from '../model/event.ts';
import type { ServiceStatus } from './facade.ts';

/** The API's Event (its id null when the event is no longer known), plus what a receiver needs beside it. */
export interface WebhookPayload extends Omit<TsmEvent, 'id'> {
  id: number | null;
  /** monit's name of the event: "Does not exist". */
  event: string;
  host: string;
  /** The service as the API shows it, right after the check; null for tsmonit's own instance events. */
  serviceStatus: ServiceStatus | null;
  /** Checks the failure has lasted, for a reminder; absent otherwise. */
  reminder?: number;
  /** Unique per alert and destination, also in the X-Tsmonit-Alert-Id header: a receiver can drop a repeat. */
  alertId: string;
  text: string;
}

function text(e: AlertEvent, host: string): string {
  const head = `[${host}] '${e.service}' ${eventName(e.kind, e.state)}: ${e.message}`;
  const parts = [e.reminder !== undefined ? `${head} (still failing after ${e.reminder} checks)` : head];
  if (e.rule) parts.push(`rule: ${e.rule}`);
  if (e.figures) parts.push(`figures: ${figuresInWords(e.figures)}`);
  if (e.action) parts.push(`action: ${e.action}`);
  return parts.join('\n');
}

export function webhookPayload(e: AlertEvent, host: string, status: ServiceStatus | null, alertId: string): WebhookPayload {
  const p: WebhookPayload = {
    id: e.id, time: e.time, service: e.service, kind: e.kind, state: e.state, message: e.message,
    event: eventName(e.kind, e.state), host, serviceStatus: status, alertId, text: text(e, host),
  };
  if (e.rule !== undefined) p.rule = e.rule;
  if (e.action !== undefined) p.action = e.action;
  if (e.result !== undefined) p.result = e.result;
  if (e.durationMs !== undefined) p.durationMs = e.durationMs;
  if (e.user !== undefined) p.user = e.user;
  if (e.figures !== undefined) p.figures = e.figures;
  if (e.output !== undefined) p.output = e.output;
  if (e.reminder !== undefined) p.reminder = e.reminder;
  return p;
}
