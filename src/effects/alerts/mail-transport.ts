// Mail through nodemailer: the configured servers in order until one accepts (monit's failover), with TLS as
// monit does it (`tls` on 25 or 587 means STARTTLS; implicit TLS on other ports), AUTH when a user is given.
import os from 'node:os';
import type { MailServer } from '../../model/config.ts';
import type { MailMessage, MailTransport } from '../../model/ports.ts';
import { DeliveryError } from './delivery-error.ts';

export const DEFAULT_MAIL_TIMEOUT_MS = 30_000; // monit's default

const STARTTLS_PORTS = new Set([25, 587]);

function transportOptions(server: MailServer, ehlo: string) {
  const required = server.tls === true;
  const timeout = server.timeoutMs ?? DEFAULT_MAIL_TIMEOUT_MS;
  return {
    host: server.host,
    port: server.port,
    secure: required && !STARTTLS_PORTS.has(server.port),
    requireTLS: required && STARTTLS_PORTS.has(server.port),
    name: server.ehlo ?? ehlo,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    // Opportunistic STARTTLS does not verify (a local relay with a snakeoil certificate must keep working, as in monit).
    tls: { rejectUnauthorized: server.verify ?? required, servername: server.host },
    ...(server.username !== undefined ? { auth: { user: server.username, pass: server.password ?? '' } } : {}),
  };
}

interface SmtpError extends Error {
  responseCode?: number;
}

/** A 5xx answer to the mail itself will not change; anything else (no connection, 4xx, timeout) may. */
function permanent(err: unknown): boolean {
  const code = (err as SmtpError).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

async function sendVia(server: MailServer, message: MailMessage, ehlo: string, signal?: AbortSignal): Promise<void> {
  // Loaded with the first mail: about 14 MB of resident memory a daemon that sends none does not need.
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport(transportOptions(server, ehlo));
  let onAbort: (() => void) | undefined;
  try {
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        transport.close();
        reject(new Error('aborted'));
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
    await Promise.race([
      transport.sendMail({
        from: message.from,
        to: message.to,
        ...(message.replyTo !== undefined ? { replyTo: message.replyTo } : {}),
        subject: message.subject,
        text: message.text,
        date: new Date(message.date),
        headers: message.headers,
        messageId: message.messageId,
      }),
      aborted,
    ]);
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    transport.close();
  }
}

export function createMailTransport(options: { ehlo?: string } = {}): MailTransport {
  const ehlo = options.ehlo ?? os.hostname();
  return {
    async send(message, servers, signal) {
      if (servers.length === 0) throw new DeliveryError('no mail servers are defined', false);
      const reasons: string[] = [];
      let allPermanent = true;
      for (const server of servers) {
        if (signal?.aborted) break;
        try {
          await sendVia(server, message, ehlo, signal);
          return;
        } catch (err) {
          allPermanent &&= permanent(err);
          reasons.push(`${server.host}:${server.port}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      throw new DeliveryError(reasons.join('; ') || 'aborted', allPermanent && reasons.length === servers.length);
    },
  };
}
