// The persistent outbox against a real HTTP receiver: order per destination, retries, restarts, duplicates,
// permanent failures, limits; and it never makes its caller wait.
import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { systemClock } from '../../../src/effects/clock.ts';
import { createMailTransport, createWebhookTransport, describeDestination, PersistentOutbox } from '../../../src/effects/alerts/index.ts';
import type { AlertRoutes, OutgoingAlert } from '../../../src/model/ports.ts';
import { startBlackHole } from '../../alerts/support/black-hole.ts';
import { startWebhookSink, type WebhookSink } from '../../alerts/support/webhook-sink.ts';
import { CapturingLogger, tempDir } from '../../helpers/harness.ts';
import { waitFor } from '../../helpers/wait.ts';

const dirs: string[] = [];
const sinks: WebhookSink[] = [];
after(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await Promise.all(sinks.map((s) => s.close()));
});

function outbox(dir: string, logger = new CapturingLogger(), max?: number): PersistentOutbox {
  return new PersistentOutbox({
    dir, logger, clock: systemClock, mail: createMailTransport(), webhook: createWebhookTransport(),
    retry: { minMs: 50, maxMs: 200 }, webhookTimeoutMs: 2000, ...(max ? { maxPerDestination: max } : {}),
  });
}
const routes: () => AlertRoutes = () => ({ mailservers: [], webhookSecret: () => 'sekret' });

let n = 0;
function alert(url: string, label: string): OutgoingAlert {
  n++;
  return { id: `id-${n}-${label}`, destination: `webhook:${url}`, created: Date.now(), summary: label, delivery: { channel: 'webhook', url, body: JSON.stringify({ label }) } };
}
async function receiver(): Promise<{ sink: WebhookSink; url: string }> {
  const sink = await startWebhookSink();
  sinks.push(sink);
  return { sink, url: `http://127.0.0.1:${sink.port}/hook` };
}
const labels = (s: WebhookSink): string[] => s.posts.map((p) => String(p.body.label));
const fresh = (): string => {
  const d = tempDir('tsmonit-outbox-');
  dirs.push(d);
  return join(d, 'state.outbox');
};
const files = (dir: string): string[] => {
  try {
    return readdirSync(dir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
};

describe('persistent outbox', () => {
  test('a receiver that fails for a while gets everything once it answers, in order, none twice', async () => {
    const { sink, url } = await receiver();
    sink.status = 503;
    const dir = fresh();
    const logger = new CapturingLogger();
    const box = outbox(dir, logger);
    await box.start(routes);
    for (let i = 1; i <= 5; i++) box.enqueue(alert(url, `a${i}`));
    await waitFor('a few failed attempts', () => logger.lines.filter((l) => /not delivered \(HTTP 503/.test(l)).length >= 2);
    assert.equal(box.pending(), 5);
    sink.status = 200;
    await waitFor('all delivered', () => box.pending() === 0);
    assert.deepEqual(labels(sink), ['a1', 'a2', 'a3', 'a4', 'a5']);
    assert.ok(logger.lines.some((l) => /reachable again after \d+ failed attempt/.test(l)));
    assert.equal(sink.posts[0]!.headers['x-tsmonit-secret'], 'sekret');
    assert.match(String(sink.posts[0]!.headers['x-tsmonit-alert-id']), /^id-\d+-a1$/);
    await waitFor('files removed', () => files(dir).length === 0);
    await box.stop(0);
  });

  test('across a restart: what was left is delivered first, then the new ones, in order', async () => {
    const { sink, url } = await receiver();
    await sink.close();
    const dir = fresh();
    const first = outbox(dir);
    await first.start(routes);
    for (const l of ['r1', 'r2', 'r3']) first.enqueue(alert(url, l));
    await first.stop(300);
    assert.equal(files(dir).length, 3, 'kept on disk');
    assert.equal((statSync(dir).mode & 0o777).toString(8), '700');
    assert.equal((statSync(join(dir, files(dir)[0]!)).mode & 0o777).toString(8), '600');

    const second = outbox(dir);
    second.enqueue(alert(url, 'r4')); // queued before start: waits behind what is on disk
    await second.start(routes);
    second.enqueue(alert(url, 'r5'));
    assert.equal(second.pending(), 5);
    await sink.open();
    await waitFor('all delivered', () => second.pending() === 0);
    assert.deepEqual(labels(sink), ['r1', 'r2', 'r3', 'r4', 'r5']);
    await second.stop(0);
  });

  test('duplicates: the same alert queued twice, or left twice on disk, goes out once', async () => {
    const { sink, url } = await receiver();
    await sink.close();
    const dir = fresh();
    const first = outbox(dir);
    await first.start(routes);
    const a = alert(url, 'once');
    first.enqueue(a);
    first.enqueue(a);
    assert.equal(first.pending(), 1);
    await first.stop(0);
    const [file] = files(dir);
    copyFileSync(join(dir, file!), join(dir, '000000000099.json')); // as if a crash left a second copy
    const second = outbox(dir);
    await second.start(routes);
    await sink.open();
    await waitFor('delivered', () => second.pending() === 0);
    assert.deepEqual(labels(sink), ['once']);
    await second.stop(0);
    await waitFor('both copies removed', () => files(dir).length === 0);
  });

  test('a permanent refusal (404) drops that alert only; the ones after it go out', async () => {
    const { sink, url } = await receiver();
    const logger = new CapturingLogger();
    const box = outbox(fresh(), logger);
    await box.start(routes);
    sink.status = 404;
    box.enqueue(alert(url, 'refused'));
    await waitFor('dropped', () => logger.lines.some((l) => /alert refused to webhook:http:\/\/127\.0\.0\.1:\d+\/\.\.\. dropped: HTTP 404/.test(l)));
    sink.status = 200;
    box.enqueue(alert(url, 'next'));
    await waitFor('next delivered', () => box.pending() === 0);
    assert.deepEqual(labels(sink), ['next']);
    await box.stop(0);
  });

  test('one destination down does not hold up another', async () => {
    const down = await receiver();
    down.sink.status = 500;
    const up = await receiver();
    const box = outbox(fresh());
    await box.start(routes);
    box.enqueue(alert(down.url, 'd1'));
    box.enqueue(alert(up.url, 'u1'));
    box.enqueue(alert(up.url, 'u2'));
    await waitFor('the healthy one is served', () => labels(up.sink).length === 2);
    assert.equal(box.pending(), 1);
    await box.stop(0);
  });

  test('enqueue never waits, and stop gives up after its grace: the rest stays on disk', async () => {
    const hole = await startBlackHole();
    const url = `http://127.0.0.1:${hole.port}/hook`;
    const dir = fresh();
    const box = outbox(dir);
    await box.start(routes);
    const began = Date.now();
    for (let i = 0; i < 200; i++) box.enqueue(alert(url, `h${i}`));
    assert.ok(Date.now() - began < 1000, 'queued without waiting for the receiver');
    assert.equal(box.pending(), 200);
    await waitFor('one attempt under way', () => hole.accepted >= 1);
    const stopping = Date.now();
    await box.stop(200);
    assert.ok(Date.now() - stopping < 5000, 'stop does not wait for the hung receiver');
    assert.equal(files(dir).length, 200);
    await hole.close();
  });

  test('a destination keeps at most maxPerDestination alerts; the oldest go first, with an error', async () => {
    const { sink, url } = await receiver();
    await sink.close();
    const logger = new CapturingLogger();
    const dir = fresh();
    const box = outbox(dir, logger, 3);
    await box.start(routes);
    for (let i = 1; i <= 5; i++) box.enqueue(alert(url, `c${i}`));
    assert.equal(box.pending(), 3);
    assert.equal(logger.lines.filter((l) => /more than 3 alerts wait .* dropped the oldest/.test(l)).length, 2);
    await sink.open();
    await waitFor('delivered', () => box.pending() === 0);
    const got = labels(sink);
    assert.deepEqual(got.slice(-2), ['c4', 'c5']);
    assert.ok(got.length === 3 && (got[0] === 'c1' || got[0] === 'c3'), `the head in flight may survive: ${got.join(',')}`);
    await box.stop(0);
    await waitFor('files removed', () => files(dir).length === 0);
  });

  test('an unreadable file is set aside, not lost and not fatal', async () => {
    const { sink, url } = await receiver();
    await sink.close();
    const dir = fresh();
    const first = outbox(dir);
    await first.start(routes);
    first.enqueue(alert(url, 'good'));
    await first.stop(0);
    writeFileSync(join(dir, '000000000007.json'), '{ torn');
    const logger = new CapturingLogger();
    const box = outbox(dir, logger);
    await box.start(routes);
    assert.ok(logger.lines.some((l) => /unreadable .* set aside as \.bad/.test(l)));
    assert.ok(readdirSync(dir).includes('000000000007.json.bad'));
    await sink.open();
    await waitFor('delivered', () => box.pending() === 0);
    assert.deepEqual(labels(sink), ['good']);
    await box.stop(0);
  });

  test('logs name a webhook by its origin: the path of a Slack URL is its secret', () => {
    assert.equal(describeDestination('webhook:https://hooks.slack.com/services/T0/B0/XYZ'), 'webhook:https://hooks.slack.com/...');
    assert.equal(describeDestination('mail:ops@example.com'), 'mail:ops@example.com');
  });
});
