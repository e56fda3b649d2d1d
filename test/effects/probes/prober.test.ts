import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProbeContext } from '../../../src/model/ports.ts';
import type { ConnectionTest, PortTarget } from '../../../src/model/rule.ts';
import { createProber } from '../../../src/effects/probes/prober.ts';
import type { SocketFactory } from '../../../src/effects/probes/types.ts';
import { startFixture, type Started } from '../support/processes.ts';

const context: ProbeContext = { defaultHost: '127.0.0.1', timeoutMs: 3000 };

function port(portNumber: number, extra: Partial<PortTarget> = {}, rest: Partial<ConnectionTest> = {}): ConnectionTest {
  return { kind: 'connection', target: { type: 'port', port: portNumber, socket: 'tcp', ...extra }, ...rest };
}

/** A port nothing listens on: bound then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: free } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

describe('prober against real sockets', () => {
  const prober = createProber();
  const fixtures: Started[] = [];
  let listening = 0;
  let silent = 0;
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsmonit-probe-'));
    const listener = startFixture('listen.js');
    const quiet = startFixture('silent-server.js');
    fixtures.push(listener, quiet);
    listening = Number(await listener.line(/listening (\d+)/));
    silent = Number(await quiet.line(/listening (\d+)/));
  });
  after(async () => {
    await Promise.all(fixtures.map((f) => f.stop()));
    await rm(dir, { recursive: true, force: true });
  });

  test('a listening port passes, with a response time', async () => {
    const result = await prober.probe(port(listening), context);
    assert.equal(result.ok, true, result.message);
    assert.equal(typeof result.responseTimeMs, 'number');
    assert.ok((result.responseTimeMs ?? -1) >= 0);
    assert.match(result.message, new RegExp(`^TCP connect to 127\\.0\\.0\\.1:${listening} succeeded`));
  });

  test('the rule host wins over the default host; protocol default is a plain connect', async () => {
    const result = await prober.probe(port(listening, { host: '127.0.0.1' }, { protocol: { name: 'default', options: {} } }),
      { ...context, defaultHost: '192.0.2.1' });
    assert.equal(result.ok, true, result.message);
  });

  test('a refused port fails and says so', async () => {
    const free = await closedPort();
    const result = await prober.probe(port(free), context);
    assert.equal(result.ok, false);
    assert.equal(result.responseTimeMs, null);
    assert.equal(result.message, `TCP connect to 127.0.0.1:${free} failed: ECONNREFUSED`);
  });

  test('a plain connect to a server that never writes passes (connect only)', async () => {
    assert.equal((await prober.probe(port(silent), context)).ok, true);
  });

  test('a server that never completes the handshake times out', async () => {
    // A stopped listener with a full accept queue: the kernel drops further SYNs.
    const stopped = startFixture('listen.js', ['0', '127.0.0.1', '1']);
    fixtures.push(stopped);
    const stoppedPort = Number(await stopped.line(/listening (\d+)/));
    process.kill(stopped.pid, 'SIGSTOP');
    const fillers: net.Socket[] = [];
    try {
      for (let i = 0; i < 8; i++) fillers.push(net.connect(stoppedPort, '127.0.0.1').on('error', () => undefined));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const result = await prober.probe(port(stoppedPort, {}, { timeoutMs: 300 }), context);
      assert.equal(result.ok, false);
      assert.equal(result.message, `TCP connect to 127.0.0.1:${stoppedPort} timed out after 300 ms`);
    } finally {
      for (const socket of fillers) socket.destroy();
      process.kill(stopped.pid, 'SIGCONT');
    }
  });

  test('ipv6 and ipv4 families', async () => {
    const server = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => server.listen(0, '::1', resolve));
    const v6 = (server.address() as net.AddressInfo).port;
    try {
      // (/etc/hosts need not map localhost to ::1, so the v6 case uses the literal)
      const ok = await prober.probe(port(v6, { host: '::1', family: 'ipv6' }), context);
      assert.equal(ok.ok, true, ok.message);
      assert.match(ok.message, new RegExp(`^TCP connect to \\[::1\\]:${v6} succeeded`));
      const v4 = await prober.probe(port(v6, { host: 'localhost', family: 'ipv4' }), context);
      assert.equal(v4.ok, false, 'nothing listens on 127.0.0.1 at that port');
    } finally {
      server.close();
    }
  });

  test('unix sockets: listening passes, missing fails', async () => {
    const path = join(dir, 'app.sock');
    const server = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const unix = (p: string): ConnectionTest => ({ kind: 'connection', target: { type: 'unix', path: p, socket: 'tcp' } });
      const ok = await prober.probe(unix(path), context);
      assert.equal(ok.ok, true, ok.message);
      assert.match(ok.message, new RegExp(`^UNIX connect to ${path} succeeded`));
      const missing = await prober.probe(unix(join(dir, 'missing.sock')), context);
      assert.equal(missing.ok, false);
      assert.equal(missing.message, `UNIX connect to ${join(dir, 'missing.sock')} failed: ENOENT`);
    } finally {
      server.close();
    }
  });
});

describe('prober with an injected socket factory', () => {
  test('retry N makes up to N attempts; the first success stops', async () => {
    const free = await closedPort();
    const server = net.createServer((s) => s.destroy());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const open = (server.address() as net.AddressInfo).port;
    try {
      let attempts = 0;
      const refuseTwice: SocketFactory = (options) => {
        attempts++;
        return net.connect({ ...options, port: attempts <= 2 ? free : open } as net.NetConnectOpts);
      };
      const result = await createProber({ connect: refuseTwice }).probe(port(open, {}, { retry: 5 }), context);
      assert.equal(result.ok, true, result.message);
      assert.equal(attempts, 3);
      assert.match(result.message, /\(attempt 3 of 5\)$/);

      let failing = 0;
      const alwaysRefused: SocketFactory = (options) => {
        failing++;
        return net.connect({ ...options, port: free } as net.NetConnectOpts);
      };
      const failed = await createProber({ connect: alwaysRefused }).probe(port(open, {}, { retry: 3 }), context);
      assert.equal(failed.ok, false);
      assert.equal(failing, 3);
      assert.match(failed.message, /ECONNREFUSED \(3 attempts\)$/);

      failing = 0;
      await createProber({ connect: alwaysRefused }).probe(port(open), context);
      assert.equal(failing, 1, 'no retry means one attempt');
    } finally {
      server.close();
    }
  });

  test('a socket that never connects is timed out and destroyed', async () => {
    const sockets: net.Socket[] = [];
    const never: SocketFactory = () => {
      const socket = new net.Socket();
      sockets.push(socket);
      return socket;
    };
    const result = await createProber({ connect: never }).probe(port(9), { ...context, timeoutMs: 50 });
    assert.equal(result.ok, false);
    assert.equal(result.message, 'TCP connect to 127.0.0.1:9 timed out after 50 ms');
    assert.equal(sockets.length, 1);
    assert.equal(sockets[0]?.destroyed, true);
  });

  test('a factory that throws or a probe that rejects is a failed result', async () => {
    const throwing: SocketFactory = () => { throw new Error('boom'); };
    const result = await createProber({ connect: throwing }).probe(port(9), context);
    assert.equal(result.ok, false);
    assert.equal(result.message, 'TCP connect to 127.0.0.1:9 failed: boom');
    const rejecting = createProber({ registry: { 'tcp:default': () => Promise.reject(new Error('bad probe')) } });
    assert.equal((await rejecting.probe(port(9), context)).message, 'probe error: bad probe');
  });

  test('abort ends the attempt', async () => {
    const never: SocketFactory = () => new net.Socket();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const result = await createProber({ connect: never }).probe(port(9, {}, { retry: 3 }), { ...context, signal: controller.signal });
    assert.equal(result.ok, false);
    assert.match(result.message, /aborted/);
    const before = await createProber({ connect: never }).probe(port(9), { ...context, signal: AbortSignal.abort() });
    assert.deepEqual(before, { ok: false, responseTimeMs: null, message: 'aborted before the test ran' });
  });
});

test('supports exactly what is implemented', () => {
  const prober = createProber();
  const proto = (name: string, extra: Partial<PortTarget> = {}): ConnectionTest =>
    port(80, extra, { protocol: { name, options: {} } });
  const implemented = ['default', 'generic', 'http', 'https', 'memcache', 'redis', 'smtp', 'smtps', 'ssh', 'ftp', 'imap',
    'imaps', 'pop', 'pops', 'pgsql', 'mysql', 'mysqls'];
  const cases: Array<[ConnectionTest, boolean]> = [
    [port(80), true],
    [{ kind: 'connection', target: { type: 'unix', path: '/x.sock', socket: 'tcp' } }, true],
    ...implemented.map((name): [ConnectionTest, boolean] => [proto(name), true]),
    ...implemented.map((name): [ConnectionTest, boolean] => [proto(name, { socket: 'tcpssl' }), true]),
    [port(53, { socket: 'udp' }), true],
    [proto('generic', { socket: 'udp' }), true],
    [port(443, { socket: 'tcpssl' }), true],
    [{ kind: 'connection', target: { type: 'url', url: 'http://localhost/' } }, true],
    [{ kind: 'connection', target: { type: 'ping' } }, true],
    [proto('dns'), false],
    [proto('ldap3'), false],
    [proto('redis', { socket: 'udp' }), false],
    [{ kind: 'connection', target: { type: 'unix', path: '/x.sock', socket: 'udp' } }, false],
  ];
  for (const [t, expected] of cases) assert.equal(prober.supports(t), expected, JSON.stringify(t));
});

test('an unsupported test is skipped, not failed', async () => {
  const result = await createProber().probe(port(80, {}, { protocol: { name: 'dns', options: {} } }), context);
  assert.equal(result.skipped, true);
  assert.equal(result.ok, false);
  assert.match(result.message, /tcp:dns tests are not supported yet/);
});
