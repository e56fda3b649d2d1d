import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import { createProber } from '../../../src/effects/probes/prober.ts';
import type { ConnectionTest } from '../../../src/model/rule.ts';
import { context } from './support/probe.ts';

const prober = createProber();

function udp(port: number, sendExpect?: NonNullable<ConnectionTest['protocol']>['sendExpect'], host = '127.0.0.1'): ConnectionTest {
  return {
    kind: 'connection', target: { type: 'port', host, port, socket: 'udp' },
    ...(sendExpect ? { protocol: { name: 'generic', options: {}, sendExpect } } : {}),
  };
}

async function bound(onMessage?: (socket: dgram.Socket, msg: Buffer, rinfo: dgram.RemoteInfo) => void): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  if (onMessage) socket.on('message', (msg, rinfo) => onMessage(socket, msg, rinfo));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return socket;
}

describe('udp', () => {
  const sockets: dgram.Socket[] = [];
  let closedPort = 0;
  before(async () => {
    const s = await bound();
    closedPort = s.address().port;
    s.close();
  });
  after(() => { for (const s of sockets) s.close(); });

  test('a closed port answers ICMP port unreachable: fails', async () => {
    const result = await prober.probe(udp(closedPort), context);
    assert.equal(result.ok, false);
    assert.equal(result.message, `UDP: 127.0.0.1:${closedPort} port unreachable (ECONNREFUSED)`);
  });

  test('a silent open port passes (monit: silence is success), without a response time', async () => {
    let got = 0;
    const s = await bound(() => { got++; });
    sockets.push(s);
    const result = await prober.probe(udp(s.address().port), context);
    assert.equal(result.ok, true, result.message);
    assert.equal(result.responseTimeMs, null);
    assert.equal(got, 1, 'one byte was sent');
  });

  test('an answering port passes at once', async () => {
    const s = await bound((socket, _msg, rinfo) => socket.send('pong', rinfo.port, rinfo.address));
    sockets.push(s);
    const result = await prober.probe(udp(s.address().port), context);
    assert.equal(result.ok, true);
    assert.equal(result.message, `UDP: 127.0.0.1:${s.address().port} answered 'pong'`);
    assert.equal(typeof result.responseTimeMs, 'number');
  });

  test('send/expect over datagrams', async () => {
    const s = await bound((socket, msg, rinfo) => socket.send(`got ${msg.toString()}`, rinfo.port, rinfo.address));
    sockets.push(s);
    const ok = await prober.probe(udp(s.address().port, [{ send: 'status' }, { expect: '^got status$' }]), context);
    assert.equal(ok.ok, true, ok.message);
    const wrong = await prober.probe(udp(s.address().port, [{ send: 'status' }, { expect: '^fine' }]), context);
    assert.equal(wrong.message, `UDP: 127.0.0.1:${s.address().port} expected '^fine', got 'got status'`);
    const silent = await bound();
    sockets.push(silent);
    const timeout = await prober.probe(udp(silent.address().port, [{ send: 'x' }, { expect: 'y' }]), { ...context, timeoutMs: 300 });
    assert.equal(timeout.message, `UDP: 127.0.0.1:${silent.address().port} timed out after 300 ms waiting for a datagram to match 'y'`);
  });

  test('an unknown host name fails to resolve', async () => {
    const result = await prober.probe(udp(53, undefined, 'no-such-host.invalid'), context);
    assert.equal(result.ok, false);
    assert.match(result.message, /^UDP: no-such-host\.invalid:53 (cannot resolve no-such-host\.invalid: \w+|timed out)/);
  });
});
