// GET /api/v1/events/stream over a real socket: `event` and `status` frames, resuming with Last-Event-ID,
// listeners released when the client goes, streams ended when the server closes.
import assert from 'node:assert/strict';
import { request, type IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { buildServer } from '../../src/http/server.ts';
import { waitFor } from '../helpers/wait.ts';
import { ADMIN, FakeMonitor, MemoryLogger, STANDARD_ALLOW, basic, httpdConfig } from './helpers/fake-monitor.ts';
import { listening, testServer } from './helpers/server.ts';

const AUTH = { authorization: basic(ADMIN.user, ADMIN.password) };

function open(port: number, headers: Record<string, string> = {}) {
  let text = '';
  let response: IncomingMessage | undefined;
  let ended = false;
  const req = request({ host: '127.0.0.1', port, path: '/api/v1/events/stream', headers: { ...AUTH, ...headers }, agent: false }, (res) => {
    response = res;
    res.setEncoding('utf8');
    res.on('data', (c: string) => (text += c));
    res.on('end', () => (ended = true));
    res.on('error', () => undefined);
  });
  req.on('error', () => undefined);
  req.end();
  return { text: () => text, response: () => response, ended: () => ended, close: () => req.destroy() };
}

test('event and status frames, with ids to resume from; escaped data', async (t) => {
  const { app, monitor, httpd } = await testServer(t);
  const port = await listening(app, httpd);
  monitor.emit({ service: 'web', kind: 'nonexist', state: 'failed', message: 'before' });
  const s = open(port);
  t.after(() => s.close());
  await waitFor('the stream to open', () => s.text().includes('retry:'));
  assert.equal(s.response()!.headers['content-type'], 'text/event-stream; charset=utf-8');
  assert.equal(s.response()!.headers['x-content-type-options'], 'nosniff', 'security headers survive the hijack');
  assert.ok(!s.text().includes('before'), 'no replay without Last-Event-ID');
  monitor.emit({ service: 'web', kind: 'action', state: 'info', message: '<script>live</script>' });
  monitor.cycle({ cycle: 4, durationMs: 12, services: monitor.services });
  await waitFor('both frames', () => s.text().includes('event: status'));
  assert.match(s.text(), /id: 2\nevent: event\ndata: \{[^\n]*"message":"\\u003cscript\\u003elive\\u003c\/script\\u003e"/);
  assert.match(s.text(), /event: status\ndata: \{"cycle":4,"durationMs":12,"services":\[/);

  const resumed = open(port, { 'last-event-id': '1' });
  t.after(() => resumed.close());
  await waitFor('the replay', () => resumed.text().includes('id: 2'));
  assert.ok(!resumed.text().includes('id: 1\n'), 'only events after the given id');
});

test('a client that goes away releases its listeners; closing the server ends open streams', async () => {
  const monitor = new FakeMonitor();
  const httpd = httpdConfig(STANDARD_ALLOW);
  const app = await buildServer({ monitor, logger: new MemoryLogger(), httpd });
  const port = await listening(app, httpd);
  const base = monitor.listenerCount; // the metrics' own subscriptions
  const a = open(port);
  const b = open(port);
  await waitFor('two streams', () => monitor.listenerCount === base + 4);
  a.close();
  await waitFor('a released', () => monitor.listenerCount === base + 2);
  await app.close();
  await waitFor('b ended by the server', () => b.ended());
  assert.equal(monitor.listenerCount, 0);
});

test('a bad Last-Event-ID is a 400; HEAD answers the headers and ends', async (t) => {
  const { app } = await testServer(t);
  const r = await app.inject({ url: '/api/v1/events/stream', headers: { ...AUTH, 'last-event-id': 'abc' } });
  assert.equal(r.statusCode, 400);
  const head = await app.inject({ method: 'HEAD', url: '/api/v1/events/stream', headers: AUTH });
  assert.equal(head.statusCode, 200);
  assert.match(String(head.headers['content-type']), /^text\/event-stream/);
});
