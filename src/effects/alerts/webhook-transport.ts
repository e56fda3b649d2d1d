// Webhook POSTs over node:http(s): no connection pool (an alert is rare), one deadline for the whole exchange,
// redirects not followed (a POST must not wander), 2xx is delivered.
import http from 'node:http';
import https from 'node:https';
import type { WebhookRequest, WebhookTransport } from '../../model/ports.ts';
import { DeliveryError } from './delivery-error.ts';

/** 4xx says the request itself is wrong, except 408 (timeout) and 429 (slow down): those are worth a retry. */
function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function post(req: WebhookRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      reject(new DeliveryError('not a URL', true));
      return;
    }
    const client = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
    if (!client) {
      reject(new DeliveryError(`unsupported scheme ${url.protocol}`, true));
      return;
    }
    const body = Buffer.from(req.body);
    const request = client.request(url, {
      method: 'POST',
      agent: false,
      headers: { ...req.headers, 'content-length': String(body.length) },
      ...(req.signal ? { signal: req.signal } : {}),
    });
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${req.timeoutMs} ms`)), req.timeoutMs);
    const fail = (err: Error): void => {
      clearTimeout(deadline);
      reject(err instanceof DeliveryError ? err : new DeliveryError(err.message, false));
    };
    request.on('error', fail);
    request.on('response', (res) => {
      const status = res.statusCode ?? 0;
      let answer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (answer.length < 200) answer += chunk;
      });
      res.on('error', fail);
      res.on('end', () => {
        clearTimeout(deadline);
        if (status >= 200 && status < 300) resolve();
        else reject(new DeliveryError(`HTTP ${status}${answer ? `: ${answer.slice(0, 200).trim()}` : ''}`, isPermanentStatus(status)));
      });
    });
    request.end(body);
  });
}

export function createWebhookTransport(): WebhookTransport {
  return { post };
}
