// Must show 2: the webhook JSON (the API's Event shape plus host and service status, a Slack `text`, the secret
// header); and with the receiver down for a while, every alert arrives once it is back, in order, none twice,
// also across a tsmonit restart.
import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import { test } from 'node:test';
import type { TsmEvent } from '../../src/model/event.ts';
import { tempDir } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';
import { startAlertMonitor, type AlertHarness } from './support/alert-harness.ts';
import { togglePort, type TogglePort } from './support/toggle-port.ts';
import { startWebhookSink } from './support/webhook-sink.ts';

const config = (hookPort: number, apiPort: number): string => `
daemon: 200ms
statefile: \${DIR}/state.json
control_socket: false
alerts:
  - webhook: http://127.0.0.1:${hookPort}/hooks/tsmonit
    secret: s3cret-token
checks:
  - host: api
    address: 127.0.0.1
    rules:
      - if failed port ${apiPort} type tcp with timeout 1 seconds then alert
`;

test('webhook: the JSON of an alert', async (t) => {
  const sink = await startWebhookSink();
  const api = await togglePort();
  const h = await startAlertMonitor(config(sink.port, api.port));
  t.after(async () => {
    await h.quit();
    await sink.close();
    await api.down();
    rmSync(h.dir, { recursive: true, force: true });
  });
  await waitFor('api ok', () => h.monitor.service('api')?.status === 'OK');
  await api.down();
  const post = (await waitFor('the failure post', () => sink.posts.find((p) => p.body.kind === 'connection')))!;
  const event = h.events('api').find((e) => e.kind === 'connection' && e.state === 'failed')!;
  const b = post.body;
  assert.equal(post.url, '/hooks/tsmonit');
  assert.equal(post.headers['content-type'], 'application/json');
  assert.equal(post.headers['x-tsmonit-secret'], 's3cret-token');
  assert.equal(post.headers['x-tsmonit-alert-id'], b.alertId);
  assert.match(String(post.headers['user-agent']), /^tsmonit\//);
  // The API's Event shape, as the event log has it.
  for (const key of ['id', 'time', 'service', 'kind', 'state', 'message', 'rule', 'action', 'figures'] as const) {
    assert.deepEqual(b[key], event[key], key);
  }
  assert.equal(b.event, 'Connection failed');
  assert.equal(b.host, h.monitor.status().server.hostname);
  const status = b.serviceStatus as Record<string, unknown>;
  assert.equal(status.name, 'api');
  assert.equal(status.ok, false);
  assert.deepEqual(status.failures, ['connection']);
  assert.match(String(b.text), /'api' Connection failed: .*ECONNREFUSED/);
  assert.equal(b.reminder, undefined);
  const started = sink.posts.find((p) => p.body.kind === 'instance');
  assert.equal(started?.body.message, 'tsmonit started');
  assert.equal(started?.body.serviceStatus, null);
});

const key = (e: { service: unknown; kind: unknown; state: unknown; message: unknown }): string =>
  `${String(e.service)}|${String(e.kind)}|${String(e.state)}|${String(e.message)}`;

/** Closes or opens the watched port and waits until the daemon has seen it. */
async function flip(h: AlertHarness, api: TogglePort, to: 'down' | 'up'): Promise<void> {
  const before = h.events('api').length;
  if (to === 'down') await api.down();
  else await api.up();
  await waitFor(`api ${to}`, () => h.events('api').length > before);
}

test('webhook: with the receiver down, every alert arrives once it is back, in order, none twice, across a restart', async (t) => {
  const sink = await startWebhookSink();
  await sink.close(); // the receiver is down from the start; its port is kept for later
  const api = await togglePort();
  const dir = tempDir('tsmonit-alerts-');
  let h = await startAlertMonitor(config(sink.port, api.port), { dir });
  t.after(async () => {
    await h.quit();
    await sink.close();
    await api.down();
    rmSync(dir, { recursive: true, force: true });
  });
  await waitFor('api ok', () => h.monitor.service('api')?.status === 'OK');
  await flip(h, api, 'down');
  await flip(h, api, 'up');
  await flip(h, api, 'down');
  await h.quit();
  const firstRun = h.events();
  const outbox = readdirSync(dir).find((f) => f.endsWith('.outbox'));
  assert.ok(outbox, `an outbox directory next to the state file: ${readdirSync(dir).join(', ')}`);
  assert.ok(readdirSync(`${dir}/${outbox}`).length >= 5, 'the undelivered alerts wait on disk');

  h = await startAlertMonitor(config(sink.port, api.port), { dir });
  await waitFor('api failing again after the restart', () => h.monitor.service('api')?.status !== 'OK' && h.monitor.service('api')?.lastCheck);
  await flip(h, api, 'up');
  assert.equal(sink.posts.length, 0, 'nothing arrived while the receiver was down');

  await sink.open();
  const alertable = (e: TsmEvent): boolean => e.kind === 'instance' || e.state === 'failed' || e.state === 'succeeded';
  const sofar = [...firstRun, ...h.events()].filter(alertable).length;
  await waitFor(`${sofar} posts`, () => sink.posts.length >= sofar);
  await h.quit(); // its "stopped" alert goes out while quitting
  const expected = [...firstRun, ...h.events()].filter(alertable).map(key);
  await waitFor(`${expected.length} posts`, () => sink.posts.length >= expected.length);
  const got = sink.posts.map((p) => key(p.body as Parameters<typeof key>[0]));
  assert.deepEqual(got, expected, 'every alert, in order');
  const ids = sink.posts.map((p) => p.body.alertId);
  assert.equal(new Set(ids).size, ids.length, 'none twice');
  assert.ok(expected.filter((k) => k.includes('|instance|')).length >= 3, 'started, stopped, started again');
  assert.deepEqual(readdirSync(`${dir}/${outbox}`).filter((f) => f.endsWith('.json')), [], 'the outbox is empty once all is delivered');
});
