import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { createProber } from '../../../src/effects/probes/prober.ts';
import { md5Password } from '../../../src/effects/probes/pgsql.ts';
import { context, portTest } from './support/probe.ts';
import { scriptedServer, type Scripted } from './support/scripted.ts';
import { findBinary, freePort, startDaemon, waitForPort, type Daemon } from './support/servers.ts';

const prober = createProber();

/** The uid/gid of the postgres user, which initdb and postgres need (they refuse to run as root). */
function postgresUser(): { uid: number; gid: number } | null {
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    return null;
  }
}

describe('pgsql against a real postgres', () => {
  let port = 0;
  let dir = '';
  let daemon: Daemon | null = null;
  let missing = '';
  before(async () => {
    const initdb = findBinary('initdb');
    const postgres = findBinary('postgres');
    const user = postgresUser();
    if (!initdb || !postgres || !user) {
      missing = 'postgres is not installed (Debian package postgresql)';
      if (process.env.CI === 'true') throw new Error(`${missing}; .ci/run must install it`);
      return;
    }
    if (userInfo().uid !== 0) {
      missing = 'postgres runs as its own user; these tests need root to switch to it';
      return;
    }
    dir = await mkdtemp(join(tmpdir(), 'tsmonit-pg-'));
    chownSync(dir, user.uid, user.gid);
    const data = join(dir, 'data');
    const as = { uid: user.uid, gid: user.gid, stdio: 'ignore' as const };
    execFileSync(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], as);
    execFileSync(postgres, ['--single', '-D', data, 'postgres'], {
      ...as, stdio: ['pipe', 'ignore', 'ignore'],
      input: "CREATE ROLE clear LOGIN PASSWORD 'pw';\nCREATE ROLE scram LOGIN PASSWORD 'pw';\n",
    });
    await writeFile(join(data, 'pg_hba.conf'), [
      'host all postgres 127.0.0.1/32 trust',
      'host all clear 127.0.0.1/32 password',
      'host all scram 127.0.0.1/32 scram-sha-256',
      'host all all 127.0.0.1/32 trust',
      '',
    ].join('\n'));
    port = await freePort();
    daemon = startDaemon(postgres, ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1',
      '-c', 'fsync=off', '-c', 'shared_buffers=8MB'], { uid: user.uid, gid: user.gid });
    await waitForPort(port, 15_000).catch((error: Error) => { throw new Error(`${error.message}: ${daemon?.output()}`); });
  });
  after(async () => {
    await daemon?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('trust authentication: authenticated', async (t) => {
    if (missing) return t.skip(missing);
    const result = await prober.probe(portTest(port, 'pgsql', { username: 'postgres', database: 'postgres' }), context);
    assert.equal(result.ok, true, result.message);
    assert.equal(result.message, 'PGSQL: authenticated as postgres');
  });

  test('no user configured: root does not exist, the error still means alive (monit)', async (t) => {
    if (missing) return t.skip(missing);
    const result = await prober.probe(portTest(port, 'pgsql'), context);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /^PGSQL: server alive \(it answered: FATAL 28000 role "root" does not exist\)$/);
  });

  test('a configured user that does not exist fails with the server error', async (t) => {
    if (missing) return t.skip(missing);
    const result = await prober.probe(portTest(port, 'pgsql', { username: 'nobody', database: 'postgres' }), context);
    assert.equal(result.ok, false);
    assert.equal(result.message, 'PGSQL: server error: FATAL 28000 role "nobody" does not exist');
  });

  test('cleartext password: right passes, wrong fails', async (t) => {
    if (missing) return t.skip(missing);
    const right = await prober.probe(portTest(port, 'pgsql', { username: 'clear', password: 'pw', database: 'postgres' }), context);
    assert.equal(right.ok, true, right.message);
    const wrong = await prober.probe(portTest(port, 'pgsql', { username: 'clear', password: 'nope', database: 'postgres' }), context);
    assert.equal(wrong.ok, false);
    assert.match(wrong.message, /^PGSQL: server error: FATAL 28P01 password authentication failed for user "clear"$/);
  });

  test('SCRAM is not spoken: the server is alive', async (t) => {
    if (missing) return t.skip(missing);
    const result = await prober.probe(portTest(port, 'pgsql', { username: 'scram', password: 'pw', database: 'postgres' }), context);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /SASL \(SCRAM\) authentication, which tsmonit does not speak/);
  });
});

describe('pgsql against scripted servers', () => {
  const servers: Scripted[] = [];
  after(async () => { await Promise.all(servers.map((s) => s.close())); });

  test('MD5: the password hash is what postgres expects', async () => {
    const salt = Buffer.from([1, 2, 3, 4]);
    let got = '';
    const s = await scriptedServer((socket) => {
      socket.once('data', () => {
        const md5 = Buffer.alloc(13);
        md5.write('R', 0);
        md5.writeInt32BE(12, 1);
        md5.writeInt32BE(5, 5);
        salt.copy(md5, 9);
        socket.write(md5);
        socket.once('data', (answer: Buffer) => {
          got = answer.subarray(5, answer.length - 1).toString();
          const ok = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0, 0x5a, 0, 0, 0, 5, 0x49]); // AuthenticationOk, ReadyForQuery
          socket.write(got === md5Password('app', 'pw', salt) ? ok : Buffer.from('E\0\0\0\x0bMbad\0\0'));
        });
      });
    });
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'pgsql', { username: 'app', password: 'pw' }), context);
    assert.equal(result.ok, true, result.message);
    assert.match(got, /^md5[0-9a-f]{32}$/);
  });

  test('a server that is not postgres fails', async () => {
    const s = await scriptedServer((socket) => socket.once('data', () => socket.write('HTTP/1.1 400 Bad Request\r\n\r\n')));
    servers.push(s);
    const result = await prober.probe(portTest(s.port, 'pgsql'), context);
    assert.equal(result.ok, false);
    assert.equal(result.message, "PGSQL: not a PostgreSQL message: 'HTTP/'");
  });
});
