import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createProber } from '../../../src/effects/probes/prober.ts';
import { context, portTest } from './support/probe.ts';
import { answeringServer, silentServer, type Scripted } from './support/scripted.ts';
import { freePort, requireBinary, startDaemon, waitForPort, type Daemon } from './support/servers.ts';

const prober = createProber();

describe('memcache', () => {
  const cleanup: Array<Daemon | Scripted> = [];
  after(async () => { await Promise.all(cleanup.map((c) => (('stop' in c) ? c.stop() : c.close()))); });

  test('a real memcached answers NOOP; stopped, it fails within the timeout', async (t) => {
    const memcached = requireBinary(t, 'memcached', 'memcached');
    if (!memcached) return;
    const port = await freePort();
    const daemon = startDaemon(memcached, ['-p', String(port), '-U', '0', '-l', '127.0.0.1', '-u', 'root', '-m', '8']);
    cleanup.push(daemon);
    await waitForPort(port);
    const ok = await prober.probe(portTest(port, 'memcache'), context);
    assert.equal(ok.ok, true, ok.message);
    assert.equal(ok.message, 'MEMCACHE: NOOP answered');

    // SIGSTOP: the kernel still accepts, nobody answers.
    daemon.child.kill('SIGSTOP');
    try {
      const started = Date.now();
      const stopped = await prober.probe(portTest(port, 'memcache', {}, { timeoutMs: 500 }), context);
      assert.equal(stopped.ok, false);
      assert.equal(stopped.message, 'MEMCACHE: timed out after 500 ms waiting for the 24-byte answer to NOOP (nothing received)');
      assert.ok(Date.now() - started < 3000, 'bounded by the timeout');
    } finally {
      daemon.child.kill('SIGCONT');
    }
    await daemon.stop();
    const gone = await prober.probe(portTest(port, 'memcache'), context);
    assert.equal(gone.message, `MEMCACHE: TCP connect to 127.0.0.1:${port} failed: ECONNREFUSED`);
  });

  test('a server answering the text protocol or an error status fails', async () => {
    const text = await answeringServer('ERROR\r\nERROR\r\nERROR\r\nERROR\r\nERROR\r\n');
    cleanup.push(text);
    const wrong = await prober.probe(portTest(text.port, 'memcache'), context);
    assert.equal(wrong.ok, false);
    assert.match(wrong.message, /^MEMCACHE: the answer to NOOP starts with 0x45, not 0x81 \('ERROR\\r\\nERROR/);

    const status = Buffer.alloc(24);
    status[0] = 0x81;
    status[1] = 0x0a;
    status.writeUInt16BE(0x81, 6);
    const unknown = await answeringServer(status);
    cleanup.push(unknown);
    const failed = await prober.probe(portTest(unknown.port, 'memcache'), context);
    assert.equal(failed.message, 'MEMCACHE: NOOP answered status 0x81 (unknown command)');
  });

  test('a silent server times out', async () => {
    const silent = await silentServer();
    cleanup.push(silent);
    const result = await prober.probe(portTest(silent.port, 'memcache', {}, { timeoutMs: 300 }), context);
    assert.equal(result.ok, false);
    assert.match(result.message, /^MEMCACHE: timed out after 300 ms/);
  });
});
