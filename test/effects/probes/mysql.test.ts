// MySQL 8 behaviours MariaDB does not show (caching_sha2_password fast and full authentication,
// TLS inside the protocol), against scripted servers that check what the probe sends.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import type net from 'node:net';
import { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { createProber } from '../../../src/effects/probes/prober.ts';
import { cachingSha2Scramble, nativeScramble } from '../../../src/effects/probes/mysql-auth.ts';
import { parseGreeting } from '../../../src/effects/probes/mysql.ts';
import { context, portTest } from './support/probe.ts';
import { sayingServer, scriptedServer, type Scripted } from './support/scripted.ts';
import { selfSigned } from './support/tls.ts';

const prober = createProber();
const SALT = Buffer.from('0123456789abcdefghij');
const CAPS = 0x1 | 0x200 | 0x8000 | 0x80000; // long password, protocol 41, secure connection, plugin auth
const SSL = 0x800;

function packet(seq: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUIntLE(payload.length, 0, 3);
  head[3] = seq;
  return Buffer.concat([head, payload]);
}

function greeting(plugin: string, caps = CAPS): Buffer {
  const fixed = Buffer.alloc(2 + 1 + 2 + 2 + 1 + 10);
  fixed.writeUInt16LE(caps & 0xffff, 0);
  fixed[2] = 8;
  fixed.writeUInt16LE(caps >>> 16, 5);
  fixed[7] = 21;
  return packet(0, Buffer.concat([
    Buffer.from([10]), Buffer.from('8.0.36\0'), Buffer.from([1, 0, 0, 0]), SALT.subarray(0, 8), Buffer.from([0]),
    fixed, SALT.subarray(8), Buffer.from([0]), Buffer.from(`${plugin}\0`),
  ]));
}

const OK = (seq: number): Buffer => packet(seq, Buffer.from([0, 0, 0, 2, 0, 0, 0]));

type Reader = (() => Promise<{ seq: number; payload: Buffer }>) & { rest: () => Buffer };

/** Reads whole packets from a socket, one at a time; rest() hands over what came after. */
function packets(socket: Duplex): Reader {
  let buffer = Buffer.alloc(0);
  let waiting: (() => void) | null = null;
  socket.on('data', (chunk: Buffer) => { buffer = Buffer.concat([buffer, chunk]); waiting?.(); });
  const next = async (): Promise<{ seq: number; payload: Buffer }> => {
    for (;;) {
      if (buffer.length >= 4) {
        const length = buffer.readUIntLE(0, 3);
        if (buffer.length >= 4 + length) {
          const out = { seq: buffer[3] ?? 0, payload: buffer.subarray(4, 4 + length) };
          buffer = buffer.subarray(4 + length);
          return out;
        }
      }
      await new Promise<void>((resolve) => { waiting = resolve; });
    }
  };
  return Object.assign(next, { rest: () => buffer });
}

/** A server-side TLS socket over a plain one whose first bytes (the ClientHello) were already read. */
function serverTls(socket: net.Socket, already: Buffer, key: string, cert: string): TLSSocket {
  socket.removeAllListeners('data');
  const carrier = new Duplex({
    read() {},
    write(chunk: Buffer, _encoding, callback) { socket.write(chunk, callback); },
  });
  if (already.length > 0) carrier.push(already);
  socket.on('data', (chunk: Buffer) => carrier.push(chunk));
  return new TLSSocket(carrier, { isServer: true, key, cert });
}

/** The auth data of a HandshakeResponse41: after 32 fixed bytes and the NUL-terminated user. */
function authOf(payload: Buffer): { user: string; auth: Buffer; plugin: string } {
  const end = payload.indexOf(0, 32);
  const length = payload[end + 1] ?? 0;
  const auth = payload.subarray(end + 2, end + 2 + length);
  const rest = payload.subarray(end + 2 + length);
  return { user: payload.subarray(32, end).toString(), auth, plugin: rest.subarray(0, rest.indexOf(0)).toString() };
}

describe('mysql against scripted MySQL 8 servers', () => {
  const servers: Scripted[] = [];
  after(async () => { await Promise.all(servers.map((s) => s.close())); });

  test('the greeting parser reads version, capabilities, the 20-byte salt and the plugin', () => {
    const parsed = parseGreeting(greeting('caching_sha2_password').subarray(4));
    assert.equal(parsed.version, '8.0.36');
    assert.equal(parsed.capabilities, CAPS);
    assert.deepEqual(parsed.salt, SALT);
    assert.equal(parsed.plugin, 'caching_sha2_password');
  });

  test('caching_sha2_password fast authentication', async () => {
    const seen: string[] = [];
    const s = await scriptedServer(async (socket) => {
      const next = packets(socket);
      socket.write(greeting('caching_sha2_password'));
      const response = await next();
      const { user, auth, plugin } = authOf(response.payload);
      seen.push(`${user} ${plugin} seq ${response.seq}`);
      if (!auth.equals(cachingSha2Scramble('pw', SALT))) return socket.end(packet(2, Buffer.from('\xff\x15\x04#28000Access denied', 'latin1')));
      socket.write(packet(2, Buffer.from([0x01, 0x03])));
      socket.write(OK(3));
      const quit = await next();
      seen.push(`quit ${quit.payload[0]} seq ${quit.seq}`);
      socket.end();
    });
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'mysql', { username: 'app', password: 'pw' }), context);
    assert.equal(result.ok, true, result.message);
    assert.equal(result.message, 'MYSQL: logged in as app to server 8.0.36');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(seen, ['app caching_sha2_password seq 1', 'quit 1 seq 0']);
  });

  test('caching_sha2_password full authentication with the server RSA key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    let decrypted = '';
    const s = await scriptedServer(async (socket) => {
      const next = packets(socket);
      socket.write(greeting('caching_sha2_password'));
      await next();
      socket.write(packet(2, Buffer.from([0x01, 0x04]))); // full authentication needed
      const keyRequest = await next();
      assert.deepEqual([...keyRequest.payload], [0x02]);
      socket.write(packet(4, Buffer.concat([Buffer.from([0x01]), Buffer.from(publicKey.export({ type: 'spki', format: 'pem' }))])));
      const encrypted = await next();
      const plain = privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, encrypted.payload);
      decrypted = Buffer.from(plain.map((b, i) => b ^ (SALT[i % SALT.length] ?? 0))).toString('latin1');
      socket.write(OK(encrypted.seq + 1));
    });
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'mysql', { username: 'app', password: 'secret' }), context);
    assert.equal(result.ok, true, result.message);
    assert.equal(decrypted, 'secret\0');
  });

  test('an auth switch to mysql_native_password is answered with the new salt', async () => {
    const newSalt = Buffer.from('ABCDEFGHIJKLMNOPQRST');
    let good = false;
    const s = await scriptedServer(async (socket) => {
      const next = packets(socket);
      socket.write(greeting('caching_sha2_password'));
      await next();
      socket.write(packet(2, Buffer.concat([Buffer.from([0xfe]), Buffer.from('mysql_native_password\0'), newSalt, Buffer.from([0])])));
      const answer = await next();
      good = answer.payload.equals(nativeScramble('pw', newSalt));
      socket.write(good ? OK(answer.seq + 1) : packet(answer.seq + 1, Buffer.from('\xff\x15\x04#28000Access denied', 'latin1')));
    });
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'mysql', { username: 'app', password: 'pw' }), context);
    assert.equal(result.ok, true, result.message);
    assert.equal(good, true);
  });

  test('mysqls asks for TLS in the protocol, then logs in over it', async () => {
    const cert = selfSigned(10);
    const steps: string[] = [];
    const s = await scriptedServer(async (socket) => {
      const plain = packets(socket);
      socket.write(greeting('mysql_native_password', CAPS | SSL));
      const sslRequest = await plain();
      steps.push(`ssl request ${sslRequest.payload.length} bytes, flags ${(sslRequest.payload.readUInt32LE(0) & SSL) !== 0}`);
      const secure = serverTls(socket, plain.rest(), cert.key, cert.cert);
      secure.on('error', () => undefined);
      const next = packets(secure);
      const response = await next();
      steps.push(`login ${authOf(response.payload).user} seq ${response.seq} over ${secure.getProtocol()}`);
      secure.write(OK(response.seq + 1));
    });
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'mysqls', { username: 'app', password: 'pw' }), context);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /^MYSQLS: logged in as app/);
    assert.equal(steps[0], 'ssl request 32 bytes, flags true');
    assert.match(steps[1] ?? '', /^login app seq 2 over TLSv1\.[23]$/);
    const noSsl = await scriptedServer((socket) => socket.write(greeting('mysql_native_password')));
    servers.push(noSsl);
    const refused = await prober.probe(portTest(noSsl.port, 'mysqls', { username: 'app', password: 'pw' }), context);
    assert.equal(refused.message, 'MYSQLS: the server does not support SSL');
  });

  test('an error packet instead of a greeting fails with its text', async () => {
    const s = await sayingServer(packet(0, Buffer.from("\xffj\x04Host '10.0.0.9' is not allowed to connect to this MariaDB server", 'latin1')));
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'mysql'), context);
    assert.equal(result.ok, false);
    assert.equal(result.message, "MYSQL: server error 1130: Host '10.0.0.9' is not allowed to connect to this MariaDB server");
  });
});
