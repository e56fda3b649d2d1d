import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createProber } from '../../../src/effects/probes/prober.ts';
import { expectRegExp, expectText, sendBytes } from '../../../src/effects/probes/escapes.ts';
import { context, sendExpectTest } from './support/probe.ts';
import { scriptedServer, silentServer, tricklingServer, type Scripted } from './support/scripted.ts';

const prober = createProber();

test('\\0xHH escapes: bytes in send, regex escapes in expect, NUL shown as \\0', () => {
  assert.deepEqual([...sendBytes('a\\0x00b\\0x0D\\0x0a\\0xFF')], [0x61, 0, 0x62, 0x0d, 0x0a, 0xff]);
  assert.deepEqual([...sendBytes('héllo')], [...Buffer.from('héllo', 'utf8')]);
  assert.equal(expectText(Buffer.from([0x41, 0, 0x42])), 'A\\0B');
  assert.ok(expectRegExp('^A\\0x00B').test(expectText(Buffer.from([0x41, 0, 0x42]))));
  assert.ok(expectRegExp('\\0x0D\\0x0A$').test('ok\r\n'));
  assert.ok(!expectRegExp('^\\0x41').test('B'));
});

describe('generic send/expect', () => {
  const servers: Scripted[] = [];
  after(async () => { await Promise.all(servers.map((s) => s.close())); });

  /** A line-echo server: answers "ECHO <line>" per line, greets first. */
  async function echo(): Promise<number> {
    const s = await scriptedServer((socket) => {
      socket.write('HELLO v1\r\n');
      let pending = '';
      socket.on('data', (chunk: Buffer) => {
        pending += chunk.toString('latin1');
        let nl: number;
        while ((nl = pending.indexOf('\n')) >= 0) {
          const line = pending.slice(0, nl).replace(/\r$/, '');
          pending = pending.slice(nl + 1);
          socket.write(line === 'BIN' ? Buffer.from([0x00, 0x01, 0x41]) : `ECHO ${line}\r\n`);
        }
      });
    });
    servers.push(s);
    return s.port;
  }

  test('pairs run in order and each expect must match', async () => {
    const port = await echo();
    const ok = await prober.probe(sendExpectTest(port, [
      { expect: '^HELLO v[0-9]+' }, { send: 'ping\\0x0D\\0x0A' }, { expect: 'ECHO ping' }, { send: 'BIN\r\n' }, { expect: '^\\0x00\\0x01A' },
    ]), context);
    assert.equal(ok.ok, true, ok.message);
    assert.match(ok.message, /^GENERIC: 'HELLO v1\\r\\n' matched '\^HELLO v\[0-9\]\+'; 'ECHO ping\\r\\n' matched/);
    const wrong = await prober.probe(sendExpectTest(port, [{ expect: 'HELLO' }, { send: 'ping\r\n' }, { expect: 'PONG' }]), context);
    assert.equal(wrong.ok, false);
    assert.equal(wrong.message, "GENERIC: expected 'PONG', got 'ECHO ping\\r\\n'");
  });

  test('an expect reads at most the send/expect buffer', async () => {
    const s = await scriptedServer((socket) => socket.write(`${'x'.repeat(300)}END`));
    servers.push(s);
    const capped = await prober.probe(sendExpectTest(s.port, [{ expect: 'END' }]), context);
    assert.equal(capped.ok, false, 'END lies past 256 bytes');
    const wider = await prober.probe(sendExpectTest(s.port, [{ expect: 'END' }]), { ...context, sendExpectBufferBytes: 1024 });
    assert.equal(wider.ok, true, wider.message);
  });

  test('a silent server times out, naming the expect', async () => {
    const s = await silentServer();
    servers.push(s);
    const result = await prober.probe(sendExpectTest(s.port, [{ send: 'hi\r\n' }, { expect: 'OK' }]), { ...context, timeoutMs: 300 });
    assert.equal(result.message, "GENERIC: timed out after 300 ms waiting for data to match 'OK' (nothing received)");
  });

  test('a server trickling one byte per second: judged on what came within the 200 ms pause', async () => {
    const s = await tricklingServer('OK then more', 1000);
    servers.push(s);
    const started = Date.now();
    const result = await prober.probe(sendExpectTest(s.port, [{ expect: '^OK' }]), { ...context, timeoutMs: 2500 });
    assert.equal(result.ok, false);
    assert.equal(result.message, "GENERIC: expected '^OK', got 'O'");
    assert.ok(Date.now() - started < 4000);
  });

  test('send only: passes once written', async () => {
    const s = await silentServer();
    servers.push(s);
    const result = await prober.probe(sendExpectTest(s.port, [{ send: 'quit\r\n' }]), context);
    assert.equal(result.ok, true, result.message);
  });
});
