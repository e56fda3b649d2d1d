import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProber } from '../../../src/effects/probes/prober.ts';
import type { ConnectionTest } from '../../../src/model/rule.ts';
import { context, portTest } from './support/probe.ts';
import { sayingServer, scriptedServer, type Scripted } from './support/scripted.ts';
import { selfSigned } from './support/tls.ts';

const prober = createProber();
const seen: http.IncomingHttpHeaders[] = [];
const methods: string[] = [];
const BODY = 'hello tsmonit world';

function handler(req: http.IncomingMessage, res: http.ServerResponse): void {
  seen.push(req.headers);
  methods.push(req.method ?? '');
  const path = req.url ?? '/';
  if (path === '/missing') res.writeHead(404).end('not here');
  else if (path === '/error') res.writeHead(500).end('boom');
  else if (path === '/redirect') res.writeHead(302, { Location: '/' }).end();
  else if (path === '/chunked') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.write('first chunk, ');
    setTimeout(() => res.end('second chunk: status OK'), 20);
  } else if (path === '/empty') res.writeHead(200, { 'Content-Length': '0' }).end();
  else if (path === '/auth') {
    const good = `Basic ${Buffer.from('admin:s3cret').toString('base64')}`;
    if (req.headers.authorization === good) res.writeHead(200).end('welcome');
    else res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end('who are you');
  } else if (path === '/query?x=1') res.writeHead(200).end('query seen');
  else res.writeHead(200, { 'Content-Length': String(Buffer.byteLength(BODY)) }).end(BODY);
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function httpTest(port: number, options: ConnectionTest['protocol'] extends infer P ? P extends { options: infer O } ? O : never : never = {}): ConnectionTest {
  return portTest(port, 'http', options);
}

describe('http against node http', () => {
  const server = http.createServer(handler);
  let port = 0;
  before(async () => { port = await listen(server); });
  after(() => { server.closeAllConnections(); server.close(); });

  test('GET / passes with the default status rule and a response time', async () => {
    const result = await prober.probe(httpTest(port), context);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /^HTTP: status 200 OK$/);
    assert.ok((result.responseTimeMs ?? -1) >= 0);
    const headers = seen.at(-1) ?? {};
    assert.equal(headers.host, `127.0.0.1:${port}`);
    assert.equal(headers.connection, 'close');
    assert.equal(headers['accept-encoding'], 'identity');
    assert.match(headers['user-agent'] ?? '', /^tsmonit/);
    assert.equal(methods.at(-1), 'GET');
  });

  test('status 404 and 500 fail by default; a redirect passes', async () => {
    const missing = await prober.probe(httpTest(port, { request: '/missing' }), context);
    assert.equal(missing.ok, false);
    assert.equal(missing.message, 'HTTP: the server returned status 404 Not Found');
    const error = await prober.probe(httpTest(port, { request: '/error' }), context);
    assert.equal(error.message, 'HTTP: the server returned status 500 Internal Server Error');
    assert.equal((await prober.probe(httpTest(port, { request: '/redirect' }), context)).ok, true);
  });

  test('status OP N decides instead of the default', async () => {
    const want404 = await prober.probe(httpTest(port, { request: '/missing', status: { op: '=', value: 404 } }), context);
    assert.equal(want404.ok, true, want404.message);
    const want200 = await prober.probe(httpTest(port, { request: '/redirect', status: { op: '=', value: 200 } }), context);
    assert.equal(want200.ok, false);
    assert.equal(want200.message, 'HTTP: status 302 Found does not satisfy status = 200');
  });

  test('content = and != over a Content-Length body', async () => {
    assert.equal((await prober.probe(httpTest(port, { content: 'tsmonit w.rld' }), context)).ok, true);
    const wrong = await prober.probe(httpTest(port, { content: '^goodbye' }), context);
    assert.equal(wrong.ok, false);
    assert.equal(wrong.message, `HTTP: content does not match '^goodbye' (body starts '${BODY}')`);
    const negated = await prober.probe(httpTest(port, { content: 'hello', contentOp: '!=' }), context);
    assert.equal(negated.ok, false);
    assert.match(negated.message, /content matches 'hello' \('hello'\), expected no match/);
    assert.equal((await prober.probe(httpTest(port, { content: 'error', contentOp: '!=' }), context)).ok, true);
  });

  test('chunked bodies are decoded before matching', async () => {
    const result = await prober.probe(httpTest(port, { request: '/chunked', content: 'first chunk, second chunk: status OK$' }), context);
    assert.equal(result.ok, true, result.message);
  });

  test('an empty body fails a content test', async () => {
    const result = await prober.probe(httpTest(port, { request: '/empty', content: '.' }), context);
    assert.equal(result.ok, false);
    assert.equal(result.message, 'HTTP: status 200 OK but no content returned by the server');
  });

  test('checksum: md5, sha1 and sha256 of the body', async () => {
    for (const algorithm of ['md5', 'sha1', 'sha256']) {
      const sum = createHash(algorithm).update(BODY).digest('hex');
      const ok = await prober.probe(httpTest(port, { checksum: sum.toUpperCase() }), context);
      assert.equal(ok.ok, true, `${algorithm}: ${ok.message}`);
    }
    const bad = await prober.probe(httpTest(port, { checksum: '0'.repeat(32) }), context);
    assert.equal(bad.ok, false);
    assert.match(bad.message, /^HTTP: document md5 checksum is [0-9a-f]{32}, expected 0{32}$/);
  });

  test('basic credentials, hostheader, method and user headers go on the wire', async () => {
    const denied = await prober.probe(httpTest(port, { request: '/auth' }), context);
    assert.equal(denied.message, 'HTTP: the server returned status 401 Unauthorized');
    const allowed = await prober.probe(httpTest(port, { request: '/auth', username: 'admin', password: 's3cret' }), context);
    assert.equal(allowed.ok, true, allowed.message);
    await prober.probe(httpTest(port, { hostheader: 'www.example.org', method: 'HEAD', headers: 'X-Probe: 1\nAccept: text/plain' }), context);
    const headers = seen.at(-1) ?? {};
    assert.equal(headers.host, 'www.example.org');
    assert.equal(headers['x-probe'], '1');
    assert.equal(headers.accept, 'text/plain', 'a user header replaces the default one');
    assert.equal(methods.at(-1), 'HEAD');
  });

  test('a url test uses the URL host, port, path, query and credentials', async () => {
    const url = (u: string, extra: Partial<ConnectionTest> = {}): ConnectionTest => ({ kind: 'connection', target: { type: 'url', url: u }, ...extra });
    const ok = await prober.probe(url(`http://admin:s3cret@127.0.0.1:${port}/auth`), context);
    assert.equal(ok.ok, true, ok.message);
    const query = await prober.probe(url(`http://127.0.0.1:${port}/query?x=1`, { protocol: { name: 'http', options: { content: 'query seen' } } }), context);
    assert.equal(query.ok, true, query.message);
    const missing = await prober.probe(url(`http://127.0.0.1:${port}/missing`), context);
    assert.equal(missing.message, 'HTTP: the server returned status 404 Not Found');
    assert.equal((await prober.probe(url('ftp://127.0.0.1/'), context)).message, "URL: 'ftp://127.0.0.1/' is not an http or https URL");
  });

  test('HEAD with a content test is refused clearly', async () => {
    const result = await prober.probe(httpTest(port, { method: 'HEAD', content: 'x' }), context);
    assert.equal(result.ok, false);
    assert.match(result.message, /HEAD request has no body/);
  });
});

describe('http over a unix socket and IPv6; response time', () => {
  test('protocol http on a unix socket sends Host: localhost', async (t) => {
    const dir = await mkdtemp(join(tmpdir(), 'tsmonit-http-'));
    const server = http.createServer(handler);
    const path = join(dir, 'app.sock');
    await new Promise<void>((resolve) => server.listen(path, resolve));
    t.after(async () => {
      server.closeAllConnections();
      server.close();
      await rm(dir, { recursive: true, force: true });
    });
    const unix: ConnectionTest = { kind: 'connection', target: { type: 'unix', path, socket: 'tcp' }, protocol: { name: 'http', options: { content: 'hello' } } };
    const result = await prober.probe(unix, context);
    assert.equal(result.ok, true, result.message);
    assert.equal(seen.at(-1)?.host, 'localhost');
  });

  test('ipv6: [::1] with family ipv6', async (t) => {
    const server = http.createServer(handler);
    const listening = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(0, '::1', () => resolve(true));
    });
    if (!listening) return t.skip('no IPv6 loopback here');
    t.after(() => { server.closeAllConnections(); server.close(); });
    const port = (server.address() as AddressInfo).port;
    const result = await prober.probe(portTest(port, 'http', {}, {}, { host: '::1', family: 'ipv6' }), context);
    assert.equal(result.ok, true, result.message);
    assert.equal(seen.at(-1)?.host, `[::1]:${port}`);
  });

  test('the response time covers the whole exchange (a server answering after 300 ms)', async (t) => {
    const slow = await scriptedServer((socket) => {
      socket.once('data', () => setTimeout(() => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok'), 300));
    });
    t.after(() => slow.close());
    const result = await prober.probe(httpTest(slow.port), context);
    assert.equal(result.ok, true, result.message);
    assert.ok((result.responseTimeMs ?? 0) >= 250, `response time ${result.responseTimeMs}`);
    const short = await prober.probe(httpTest(slow.port), { ...context, timeoutMs: 100 });
    assert.equal(short.message, 'HTTP: timed out after 100 ms waiting for the status line (nothing received)');
  });
});

describe('http bodies and broken answers from raw servers', () => {
  const servers: Scripted[] = [];
  after(async () => { await Promise.all(servers.map((s) => s.close())); });
  const raw = async (reply: string): Promise<number> => {
    const s = await scriptedServer((socket) => {
      socket.once('data', () => socket.end(reply));
    });
    servers.push(s);
    return s.port;
  };

  test('a close-delimited body (HTTP/1.0, no length) is read to the end', async () => {
    const port = await raw('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nline one\nline two: all good\n');
    const result = await prober.probe(httpTest(port, { content: 'all good' }), context);
    assert.equal(result.ok, true, result.message);
  });

  test('a garbage status line fails and quotes it', async () => {
    const port = await raw('SSH-2.0-OpenSSH_9.2\r\n');
    const result = await prober.probe(httpTest(port), context);
    assert.equal(result.ok, false);
    assert.equal(result.message, "HTTP: expected an HTTP status line, got 'SSH-2.0-OpenSSH_9.2'");
  });

  test('a header line longer than 8 KiB fails', async () => {
    const port = await raw(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(9000)}\r\n\r\n`);
    const result = await prober.probe(httpTest(port), context);
    assert.equal(result.ok, false);
    assert.match(result.message, /^HTTP: a line longer than 8192 bytes/);
  });

  test('a body cut short of its Content-Length fails', async () => {
    const port = await raw('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort');
    const result = await prober.probe(httpTest(port, { content: 'short' }), context);
    assert.equal(result.ok, false);
    assert.match(result.message, /^HTTP: the server closed the connection while waiting for the response body; received 'short'$/);
  });

  test('the body read stops at the HTTP content buffer', async () => {
    const port = await raw(`HTTP/1.0 200 OK\r\n\r\n${'x'.repeat(5000)}MARK`);
    const capped = await prober.probe(httpTest(port, { content: 'MARK' }), { ...context, httpContentBufferBytes: 1000 });
    assert.equal(capped.ok, false, 'MARK lies past the first 1000 bytes');
    const port2 = await raw(`HTTP/1.0 200 OK\r\n\r\n${'x'.repeat(5000)}MARK`);
    assert.equal((await prober.probe(httpTest(port2, { content: 'MARK' }), context)).ok, true);
  });

  test('a server that greets instead of answering gets its words quoted', async () => {
    const s = await sayingServer('220 mail.example.org ESMTP\r\n');
    servers.push(s);
    const result = await prober.probe(httpTest(s.port), context);
    assert.equal(result.message, "HTTP: expected an HTTP status line, got '220 mail.example.org ESMTP'");
  });
});

describe('https and certificates', () => {
  const cert = selfSigned(10);
  const server = https.createServer({ key: cert.key, cert: cert.cert }, handler);
  const plain = http.createServer(handler);
  let port = 0;
  let plainPort = 0;
  before(async () => {
    port = await listen(server);
    plainPort = await listen(plain);
  });
  after(() => {
    server.closeAllConnections(); server.close();
    plain.closeAllConnections(); plain.close();
  });

  test('protocol https and type tcpssl protocol http both speak TLS', async () => {
    const viaName = await prober.probe(portTest(port, 'https', { content: 'hello' }), context);
    assert.equal(viaName.ok, true, viaName.message);
    assert.match(viaName.message, /^HTTPS: status 200 OK, content matches/);
    const viaSocket = await prober.probe(portTest(port, 'http', {}, {}, { socket: 'tcpssl' }), context);
    assert.equal(viaSocket.ok, true, viaSocket.message);
    const url = await prober.probe({ kind: 'connection', target: { type: 'url', url: `https://localhost:${port}/missing` } }, context);
    assert.equal(url.message, 'HTTPS: the server returned status 404 Not Found');
  });

  test('certificate valid > N days compares with the expiry', async () => {
    const enough = await prober.probe(portTest(port, 'https', {}, { certificate: { validDays: 5 } }), context);
    assert.equal(enough.ok, true, enough.message);
    const tooShort = await prober.probe(portTest(port, 'https', {}, { certificate: { validDays: 30 } }), context);
    assert.equal(tooShort.ok, false);
    assert.match(tooShort.message, /^HTTPS: certificate is valid for [89] more days \(until .*\), less than the 30 days required$/);
    const tlsOnly = await prober.probe(portTest(port, undefined, {}, { certificate: { validDays: 30 } }, { socket: 'tcpssl' }), context);
    assert.equal(tlsOnly.ok, false);
    assert.match(tlsOnly.message, /^TLS: certificate is valid for/);
    const tlsOk = await prober.probe(portTest(port, undefined, {}, {}, { socket: 'tcpssl' }), context);
    assert.match(tlsOk.message, /^TLS: handshake completed \(TLSv1\.[23]\)$/);
  });

  test('certificate checksum: sha256, sha1, md5 (colons allowed); a wrong one fails', async () => {
    for (const sum of [cert.sha256, cert.sha1, cert.md5.replace(/(..)(?!$)/g, '$1:').toUpperCase()]) {
      const ok = await prober.probe(portTest(port, 'https', {}, { certificate: { checksum: sum } }), context);
      assert.equal(ok.ok, true, ok.message);
    }
    const wrong = await prober.probe(portTest(port, 'https', {}, { certificate: { checksum: 'ab'.repeat(32) } }), context);
    assert.equal(wrong.ok, false);
    assert.match(wrong.message, /^HTTPS: certificate sha256 checksum is [0-9a-f]{64}, expected (ab){32}$/);
  });

  test('TLS to a plain HTTP server fails the handshake; plain HTTP to TLS sees no status line', async () => {
    const tlsToPlain = await prober.probe(portTest(plainPort, 'https'), context);
    assert.equal(tlsToPlain.ok, false);
    assert.match(tlsToPlain.message, /^HTTPS: (TLS handshake failed|the server closed the connection during the TLS handshake)/);
    const plainToTls = await prober.probe(portTest(port, 'http'), context);
    assert.equal(plainToTls.ok, false);
    assert.match(plainToTls.message, /^HTTP: /);
  });
});
