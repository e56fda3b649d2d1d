// Alert delivery: mail through nodemailer, webhooks over HTTP, both behind one persistent outbox.
import type { AlertOutbox, Clock, Logger } from '../../model/ports.ts';
import type { RetryPolicy } from './backoff.ts';
import { createMailTransport } from './mail-transport.ts';
import { PersistentOutbox } from './outbox.ts';
import { createWebhookTransport } from './webhook-transport.ts';

export { createMailTransport } from './mail-transport.ts';
export { createWebhookTransport } from './webhook-transport.ts';
export { PersistentOutbox, describeDestination } from './outbox.ts';
export { DEFAULT_RETRY, retryDelay, type RetryPolicy } from './backoff.ts';
export { DeliveryError } from './delivery-error.ts';

export interface AlertOutboxOptions {
  dir: string;
  logger: Logger;
  clock: Clock;
  retry?: RetryPolicy;
  userAgent?: string;
}

export function createAlertOutbox(options: AlertOutboxOptions): AlertOutbox {
  return new PersistentOutbox({
    dir: options.dir,
    logger: options.logger,
    clock: options.clock,
    mail: createMailTransport(),
    webhook: createWebhookTransport(),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
}
