import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createProber } from '../../../src/effects/probes/prober.ts';
import { parsePingOutput, pingArgs } from '../../../src/effects/probes/ping.ts';
import type { ConnectionTest } from '../../../src/model/rule.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBinary } from './support/servers.ts';

const ping = (extra: Partial<Extract<ConnectionTest['target'], { type: 'ping' }>> = {}): ConnectionTest =>
  ({ kind: 'connection', target: { type: 'ping', ...extra } });

test('ping arguments and output parsing', () => {
  assert.deepEqual(pingArgs({ host: '::1', count: 2, size: 100, timeoutMs: 1500, family: 'ipv6' }),
    ['-n', '-q', '-c', '2', '-i', '0.2', '-s', '100', '-W', '2', '-w', '2', '-6', '::1']);
  const out = '3 packets transmitted, 3 received, 0% packet loss, time 405ms\nrtt min/avg/max/mdev = 0.031/0.045/0.062/0.012 ms\n';
  assert.deepEqual(parsePingOutput(out), { sent: 3, received: 3, avgMs: 0.045 });
  assert.deepEqual(parsePingOutput('2 packets transmitted, 0 received, 100% packet loss, time 1001ms\n'), { sent: 2, received: 0, avgMs: null });
  assert.equal(parsePingOutput('ping: unknown host'), null);
});

describe('ping through the system ping', () => {
  test('loopback answers; count is honoured; the average is the response time', async (t) => {
    if (!requireBinary(t, 'ping', 'iputils-ping')) return;
    const result = await createProber().probe(ping({ count: 2 }), { defaultHost: '127.0.0.1', timeoutMs: 3000 });
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /^PING: 2 of 2 echo replies from 127\.0\.0\.1, average [\d.]+ ms$/);
    assert.equal(typeof result.responseTimeMs, 'number');
  });

  test('a ping that gets no answer fails; a hung ping is killed at the timeout', async (t) => {
    if (!requireBinary(t, 'ping', 'iputils-ping')) return;
    // The broadcast address: iputils refuses it without -b, deterministically, on any network.
    const refused = await createProber().probe(ping({ count: 1 }), { defaultHost: '255.255.255.255', timeoutMs: 1000 });
    assert.equal(refused.ok, false);
    assert.match(refused.message, /^PING: 255\.255\.255\.255: ping: Do you want to ping broadcast\?/);
    // A "ping" that never ends (a silent network from the probe's view) is bounded by the timeout.
    const dir = mkdtempSync(join(tmpdir(), 'tsmonit-ping-'));
    const hang = join(dir, 'silent-ping');
    writeFileSync(hang, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const started = Date.now();
    const hung = await createProber({ pingCommand: hang }).probe(ping(), { defaultHost: '127.0.0.1', timeoutMs: 500 });
    assert.equal(hung.ok, false);
    assert.equal(hung.message, 'PING: 127.0.0.1: no output from ping');
    assert.ok(Date.now() - started < 3000, `bounded: ${Date.now() - started} ms`);
  });

  test('an unknown name fails with what ping said; a missing ping says which package', async (t) => {
    if (!requireBinary(t, 'ping', 'iputils-ping')) return;
    const unknown = await createProber().probe(ping(), { defaultHost: 'no-such-host.invalid', timeoutMs: 2000 });
    assert.equal(unknown.ok, false);
    assert.match(unknown.message, /^PING: no-such-host\.invalid: ping: no-such-host\.invalid: /);
    const missing = await createProber({ pingCommand: '/nonexistent/ping' }).probe(ping(), { defaultHost: '127.0.0.1', timeoutMs: 1000 });
    assert.equal(missing.message, 'PING: cannot run /nonexistent/ping: ENOENT (install iputils-ping)');
  });
});
