// Every protocol against servers that misbehave: silent, closing at once (half-open), resetting,
// answering garbage, trickling one byte a second. Each must fail, name its protocol, say what it
// saw, and stay within its timeout.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createProber } from '../../../src/effects/probes/prober.ts';
import type { ConnectionTest } from '../../../src/model/rule.ts';
import { context, portTest } from './support/probe.ts';
import {
  closingServer, resettingServer, sayingServer, silentServer, tricklingServer, type Scripted,
} from './support/scripted.ts';

const prober = createProber();

const PLAIN: Array<[string, string]> = [
  ['http', 'HTTP'], ['memcache', 'MEMCACHE'], ['redis', 'REDIS'], ['smtp', 'SMTP'], ['ssh', 'SSH'], ['ftp', 'FTP'],
  ['imap', 'IMAP'], ['pop', 'POP'], ['pgsql', 'PGSQL'], ['mysql', 'MYSQL'], ['generic', 'GENERIC'],
];
const SECURE: Array<[string, string]> = [['https', 'HTTPS'], ['smtps', 'SMTPS'], ['imaps', 'IMAPS'], ['pops', 'POPS']];
const ALL = [...PLAIN, ...SECURE];

function probeTest(port: number, protocol: string, timeoutMs: number): ConnectionTest {
  const base = portTest(port, protocol, {}, { timeoutMs });
  if (protocol === 'generic') return { ...base, protocol: { name: 'generic', options: {}, sendExpect: [{ expect: '^OK' }] } };
  return base;
}

/** Runs every protocol against one server at once; returns [label, message, elapsed ms] per protocol. */
async function against(server: Scripted, protocols: Array<[string, string]>, timeoutMs: number): Promise<Array<[string, string, number]>> {
  return Promise.all(protocols.map(async ([name, label]): Promise<[string, string, number]> => {
    const started = Date.now();
    const result = await prober.probe(probeTest(server.port, name, timeoutMs), context);
    assert.equal(result.ok, false, `${name}: ${result.message}`);
    assert.equal(result.responseTimeMs, null);
    assert.ok(result.message.startsWith(`${label}: `), `${name} names its protocol: ${result.message}`);
    return [name, result.message, Date.now() - started];
  }));
}

describe('error paths for every protocol', () => {
  const servers: Scripted[] = [];
  after(async () => { await Promise.all(servers.map((s) => s.close())); });
  const keep = (s: Scripted): Scripted => { servers.push(s); return s; };

  test('a server that accepts and never speaks: each times out within its timeout', async () => {
    const server = keep(await silentServer());
    for (const [name, message, elapsed] of await against(server, ALL, 400)) {
      assert.match(message, /timed out after 400 ms/, name);
      assert.ok(elapsed < 2400, `${name} took ${elapsed} ms`);
    }
  });

  test('a server that closes at once (half-open from our side): each says it was closed', async () => {
    const server = keep(await closingServer());
    for (const [name, message] of await against(server, ALL, 2000)) {
      assert.match(message, /closed the connection|connection error|TLS handshake failed/, name);
    }
  });

  test('a server that resets the connection', async () => {
    const server = keep(await resettingServer());
    for (const [name, message] of await against(server, ALL, 2000)) {
      assert.match(message, /ECONNRESET|closed|TLS handshake failed/, name);
    }
  });

  test('garbage: each plaintext protocol quotes what it got', async () => {
    const server = keep(await sayingServer('GARBAGE \x00\xff GARBAGE GARBAGE GARBAGE\r\n'));
    for (const [name, message] of await against(server, PLAIN, 400)) {
      assert.match(message, /GAR/, `${name} quotes the garbage: ${message}`);
    }
    const secure = await against(server, SECURE, 2000);
    for (const [name, message] of secure) assert.match(message, /TLS handshake failed|closed the connection during the TLS handshake/, name);
  });

  test('a server trickling one byte a second is cut off at the timeout', async () => {
    const server = keep(await tricklingServer('220 OK +OK SSH-2.0 HTTP/1.1 200\r\n', 1000));
    for (const [name, message, elapsed] of await against(server, ALL, 1500)) {
      assert.ok(elapsed < 3500, `${name} took ${elapsed} ms`);
      if (name !== 'generic') assert.match(message, /timed out after 1500 ms/, name);
      else assert.equal(message, "GENERIC: expected '^OK', got '2'");
    }
  });

  test('retry N makes N attempts against a silent server, each bounded', async () => {
    const server = keep(await silentServer());
    const started = Date.now();
    const result = await prober.probe(portTest(server.port, 'redis', {}, { timeoutMs: 200, retry: 3 }), context);
    assert.equal(result.ok, false);
    assert.match(result.message, /^REDIS: timed out after 200 ms .* \(3 attempts\)$/);
    assert.equal(server.accepted(), 3);
    assert.ok(Date.now() - started < 3000);
  });

  test('an aborted check ends a protocol dialog at once', async () => {
    const server = keep(await silentServer());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = Date.now();
    const result = await prober.probe(portTest(server.port, 'smtp', {}, { timeoutMs: 5000 }), { ...context, signal: controller.signal });
    assert.equal(result.ok, false);
    assert.match(result.message, /^SMTP: aborted while waiting for the greeting/);
    assert.ok(Date.now() - started < 2000);
  });
});
