// Webhook POSTs against a real local HTTP server.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createWebhookTransport, DeliveryError } from '../../../src/effects/alerts/index.ts';

describe('webhook transport', () => {
  const seen: Array<{ method: string; headers: http.IncomingHttpHeaders; body: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', headers: req.headers, body });
      const status = Number(req.url?.slice(1)) || 200;
      if (status === 999) return; // never answers
      res.writeHead(status, status === 302 ? { location: '/200' } : {});
      res.end(status >= 400 ? 'go away' : '');
    });
  });
  let base = '';
  before(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });
  const hook = createWebhookTransport();
  const post = (path: string, timeoutMs = 2000) =>
    hook.post({ url: `${base}${path}`, body: '{"a":1}', headers: { 'content-type': 'application/json', 'x-tsmonit-secret': 's' }, timeoutMs });

  test('2xx is delivered; the body and headers arrive as sent', async () => {
    await post('/204');
    const last = seen.at(-1)!;
    assert.equal(last.method, 'POST');
    assert.equal(last.body, '{"a":1}');
    assert.equal(last.headers['x-tsmonit-secret'], 's');
    assert.equal(last.headers['content-length'], '7');
  });

  const failure = async (p: Promise<void>): Promise<DeliveryError> => {
    try {
      await p;
    } catch (err) {
      assert.ok(err instanceof DeliveryError, String(err));
      return err;
    }
    assert.fail('expected a failure');
  };

  test('4xx is permanent, except 408 and 429; 5xx and redirects are worth a retry', async () => {
    const e404 = await failure(post('/404'));
    assert.equal(e404.permanent, true);
    assert.match(e404.message, /HTTP 404: go away/);
    assert.equal((await failure(post('/429'))).permanent, false);
    assert.equal((await failure(post('/408'))).permanent, false);
    assert.equal((await failure(post('/503'))).permanent, false);
    const before = seen.length;
    assert.equal((await failure(post('/302'))).permanent, false);
    assert.equal(seen.length, before + 1, 'the redirect is not followed');
  });

  test('no answer within the timeout, nobody listening, a bad URL', async () => {
    const slow = await failure(post('/999', 300));
    assert.match(slow.message, /no answer within 300 ms/);
    assert.equal(slow.permanent, false);
    const refused = await failure(hook.post({ url: 'http://127.0.0.1:1/', body: '{}', headers: {}, timeoutMs: 1000 }));
    assert.match(refused.message, /ECONNREFUSED/);
    assert.equal((await failure(hook.post({ url: 'ftp://x/', body: '{}', headers: {}, timeoutMs: 1000 }))).permanent, true);
  });

  test('an abort ends the request', async () => {
    const ac = new AbortController();
    const p = hook.post({ url: `${base}/999`, body: '{}', headers: {}, timeoutMs: 10_000, signal: ac.signal });
    setTimeout(() => ac.abort(), 100);
    assert.equal((await failure(p)).permanent, false);
  });
});
