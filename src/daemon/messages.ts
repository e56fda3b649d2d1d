// Log lines in monit's words: `'memcache11211' process is not running`.
import type { EventDraft } from '../model/event.ts';
import type { Logger } from '../model/ports.ts';

export const quote = (service: string): string => `'${service}'`;

export function logEvent(logger: Logger, event: EventDraft): void {
  const text = `${quote(event.service)} ${event.message}`;
  const fields: Record<string, unknown> = { service: event.service, kind: event.kind, state: event.state };
  if (event.rule !== undefined) fields.rule = event.rule;
  if (event.action !== undefined) fields.action = event.action;
  if (event.user !== undefined) fields.user = event.user;
  if (event.state === 'failed') logger.error(text, fields);
  else if (event.state === 'changed') logger.warn(text, fields);
  else logger.info(text, fields);
}
