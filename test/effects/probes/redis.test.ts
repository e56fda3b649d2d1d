import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProber } from '../../../src/effects/probes/prober.ts';
import { context, portTest } from './support/probe.ts';
import { answeringServer, type Scripted } from './support/scripted.ts';
import { freePort, requireBinary, startDaemon, waitForPort, type Daemon } from './support/servers.ts';

const prober = createProber();

describe('redis', () => {
  const cleanup: Array<Daemon | Scripted> = [];
  const dirs: string[] = [];
  after(async () => {
    await Promise.all(cleanup.map((c) => (('stop' in c) ? c.stop() : c.close())));
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  async function redis(t: Parameters<typeof requireBinary>[0], extra: string[] = []): Promise<number | null> {
    const binary = requireBinary(t, 'redis-server', 'redis-server');
    if (!binary) return null;
    const dir = await mkdtemp(join(tmpdir(), 'tsmonit-redis-'));
    dirs.push(dir);
    const port = await freePort();
    cleanup.push(startDaemon(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
      '--daemonize', 'no', '--dir', dir, ...extra]));
    await waitForPort(port);
    return port;
  }

  test('a real redis-server answers +PONG', async (t) => {
    const port = await redis(t);
    if (port === null) return;
    const result = await prober.probe(portTest(port, 'redis'), context);
    assert.equal(result.ok, true, result.message);
    assert.equal(result.message, 'REDIS: PING answered +PONG');
  });

  test('a redis-server with a password answers -NOAUTH: alive', async (t) => {
    const port = await redis(t, ['--requirepass', 'secret']);
    if (port === null) return;
    const result = await prober.probe(portTest(port, 'redis'), context);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /^REDIS: PING answered '-NOAUTH .*' \(alive, needs a password\)$/);
  });

  test('another error or a wrong server fails, quoting the answer', async () => {
    const loading = await answeringServer('-LOADING Redis is loading the dataset in memory\r\n');
    const http = await answeringServer('HTTP/1.1 400 Bad Request\r\n\r\n');
    cleanup.push(loading, http);
    const a = await prober.probe(portTest(loading.port, 'redis'), context);
    assert.equal(a.ok, false);
    assert.equal(a.message, "REDIS: PING answered '-LOADING Redis is loading the dataset in memory', expected +PONG");
    const b = await prober.probe(portTest(http.port, 'redis'), context);
    assert.equal(b.message, "REDIS: PING answered 'HTTP/1.1 400 Bad Request', expected +PONG");
  });
});
