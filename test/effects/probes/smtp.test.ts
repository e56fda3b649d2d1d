import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createProber } from '../../../src/effects/probes/prober.ts';
import type { SocketFactory } from '../../../src/effects/probes/types.ts';
import { context, portTest } from './support/probe.ts';
import { answeringServer, sayingServer, type Scripted } from './support/scripted.ts';
import { selfSigned } from './support/tls.ts';

const prober = createProber();
const cert = selfSigned(10);

async function listen(server: SMTPServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.server.address() as net.AddressInfo).port;
}

/** Sends connections for `from` to `to`: tests monit's port rules (STARTTLS on 25/587) on a private port. */
function redirect(from: number, to: number): SocketFactory {
  return (options) => net.connect({ ...options, port: (options as net.TcpNetConnectOpts).port === from ? to : (options as net.TcpNetConnectOpts).port } as net.NetConnectOpts);
}

describe('smtp against smtp-server', () => {
  const commands: string[] = [];
  let upgraded = 0;
  const plain = new SMTPServer({
    key: cert.key, cert: cert.cert, authOptional: true, allowInsecureAuth: true, authMethods: ['PLAIN', 'LOGIN'], logger: false,
    onConnect(session, callback) { commands.push(`connect ${session.id}`); callback(); },
    onSecure(_socket, _session, callback) { upgraded++; callback(); },
    onAuth(auth, _session, callback) {
      commands.push(`auth ${auth.method} ${auth.username}`);
      if (auth.username === 'probe' && auth.password === 'pw') callback(null, { user: 'probe' });
      else callback(new Error('Invalid username or password'));
    },
  });
  const implicit = new SMTPServer({ secure: true, key: cert.key, cert: cert.cert, authOptional: true, logger: false });
  let port = 0;
  let securePort = 0;
  before(async () => {
    port = await listen(plain);
    securePort = await listen(implicit);
  });
  after(async () => {
    await new Promise<void>((resolve) => plain.close(() => resolve()));
    await new Promise<void>((resolve) => implicit.close(() => resolve()));
  });

  test('greeting, EHLO and QUIT pass', async () => {
    const result = await prober.probe(portTest(port, 'smtp'), context);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /^SMTP: greeting '.*', EHLO and QUIT accepted$/);
  });

  test('AUTH PLAIN with credentials; wrong ones fail with the server reply', async () => {
    const ok = await prober.probe(portTest(port, 'smtp', { username: 'probe', password: 'pw' }), context);
    assert.equal(ok.ok, true, ok.message);
    assert.match(ok.message, /EHLO, AUTH PLAIN and QUIT accepted$/);
    assert.ok(commands.includes('auth PLAIN probe'));
    const bad = await prober.probe(portTest(port, 'smtp', { username: 'probe', password: 'nope' }), context);
    assert.equal(bad.ok, false);
    assert.match(bad.message, /^SMTP: AUTH PLAIN answered 535 '.*', expected 235$/);
  });

  test('ssl on port 587 means STARTTLS; the certificate options apply after it', async () => {
    const before = upgraded;
    const io = createProber({ connect: redirect(587, port) });
    const result = await io.probe(portTest(587, 'smtp', {}, {}, { socket: 'tcpssl' }), context);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /EHLO, STARTTLS and QUIT accepted$/);
    assert.equal(upgraded, before + 1);
    const auth = await io.probe(portTest(587, 'smtp', { username: 'probe', password: 'pw' }, {}, { socket: 'tcpssl' }), context);
    assert.match(auth.message, /EHLO, STARTTLS, AUTH PLAIN and QUIT accepted$/);
    const expiring = await io.probe(portTest(587, 'smtp', {}, { certificate: { validDays: 60 } }, { socket: 'tcpssl' }), context);
    assert.equal(expiring.ok, false);
    assert.match(expiring.message, /^SMTP: certificate is valid for \d+ more days/);
  });

  test('smtps elsewhere is implicit TLS; against a plain server it fails the handshake', async () => {
    const ok = await prober.probe(portTest(securePort, 'smtps'), context);
    assert.equal(ok.ok, true, ok.message);
    assert.match(ok.message, /^SMTPS: greeting/);
    const wrong = await prober.probe(portTest(port, 'smtps', {}, { timeoutMs: 1000 }), context);
    assert.equal(wrong.ok, false);
    assert.match(wrong.message, /^SMTPS: (TLS handshake failed|the server closed the connection during the TLS handshake|timed out)/);
  });
});

describe('smtp against wrong servers', () => {
  const servers: Scripted[] = [];
  after(async () => { await Promise.all(servers.map((s) => s.close())); });

  test('a 554 greeting fails', async () => {
    const s = await sayingServer('554 5.3.2 no service for you\r\n');
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'smtp'), context);
    assert.equal(result.message, "SMTP: the greeting answered 554 '5.3.2 no service for you', expected 220");
  });

  test('EHLO refused falls back to HELO; a refused HELO fails', async () => {
    const s = await answeringServer('502 not implemented\r\n', '220 old.example ready\r\n');
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'smtp'), context);
    assert.equal(result.ok, false);
    assert.equal(result.message, "SMTP: HELO answered 502 'not implemented', expected 250");
  });

  test('STARTTLS asked of a server that does not offer it fails', async () => {
    const s = await answeringServer('250 plain.example\r\n', '220 plain.example ESMTP\r\n');
    servers.push(s);
    const result = await createProber({ connect: redirect(25, s.port) }).probe(portTest(25, 'smtp', {}, {}, { socket: 'tcpssl' }), context);
    assert.equal(result.message, 'SMTP: the server does not offer STARTTLS');
  });

  test('a multi-line greeting is read to its last line', async () => {
    const s = await sayingServer('220-first line\r\n220-second line\r\n');
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'smtp', {}, { timeoutMs: 300 }), context);
    assert.equal(result.message, "SMTP: timed out after 300 ms waiting for the rest of the greeting after 'first line / second line' (nothing received)");
  });
});
