// imap, pop and ftp beyond the recorded transcripts: STARTTLS on 143, refusals real servers send
// when busy or broken.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { createProber } from '../../../src/effects/probes/prober.ts';
import type { SocketFactory } from '../../../src/effects/probes/types.ts';
import { context, portTest } from './support/probe.ts';
import { answeringServer, sayingServer, scriptedServer, type Scripted } from './support/scripted.ts';
import { selfSigned } from './support/tls.ts';

const prober = createProber();

function redirect(from: number, to: number): SocketFactory {
  return (options) => {
    const tcp = options as net.TcpNetConnectOpts;
    return net.connect({ ...tcp, port: tcp.port === from ? to : tcp.port });
  };
}

/** Lines from a duplex, one at a time. */
function lines(stream: Duplex): () => Promise<string> {
  let buffer = '';
  let waiting: (() => void) | null = null;
  stream.on('data', (chunk: Buffer) => { buffer += chunk.toString('latin1'); waiting?.(); });
  return async () => {
    for (;;) {
      const nl = buffer.indexOf('\n');
      if (nl >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        return line;
      }
      await new Promise<void>((resolve) => { waiting = resolve; });
    }
  };
}

describe('imap, pop, ftp', () => {
  const servers: Scripted[] = [];
  after(async () => { await Promise.all(servers.map((s) => s.close())); });
  const keep = (s: Scripted): Scripted => { servers.push(s); return s; };

  test('imap with ssl on port 143 upgrades with STARTTLS, then logs out over TLS', async () => {
    const cert = selfSigned(10);
    const seen: string[] = [];
    const server = keep(await scriptedServer(async (socket) => {
      socket.write('* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n');
      const read = lines(socket);
      const first = await read();
      seen.push(first);
      socket.write('001 OK Begin TLS negotiation now.\r\n');
      socket.removeAllListeners('data');
      const secure = new TLSSocket(socket, { isServer: true, key: cert.key, cert: cert.cert });
      secure.on('error', () => undefined);
      const readSecure = lines(secure);
      const logout = await readSecure();
      seen.push(`${logout} over ${secure.getProtocol()}`);
      secure.end('* BYE Logging out\r\n002 OK Logout completed.\r\n');
    }));
    const result = await createProber({ connect: redirect(143, server.port) })
      .probe(portTest(143, 'imap', {}, {}, { socket: 'tcpssl' }), context);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /^IMAP: greeting '.*', STARTTLS, LOGOUT accepted$/);
    assert.equal(seen[0], '001 STARTTLS');
    assert.match(seen[1] ?? '', /^002 LOGOUT over TLSv1\.[23]$/);
  });

  test('imap: a BYE greeting or a LOGOUT without BYE fails', async () => {
    const busy = keep(await sayingServer('* BYE Too many connections\r\n'));
    const a = await prober.probe(portTest(busy.port, 'imap'), context);
    assert.equal(a.message, "IMAP: the greeting was '* BYE Too many connections', expected '* OK'");
    const rude = keep(await answeringServer('001 NO go away\r\n', '* OK ready\r\n'));
    const b = await prober.probe(portTest(rude.port, 'imap'), context);
    assert.equal(b.message, "IMAP: LOGOUT answered 'NO go away', expected '* BYE'");
  });

  test('pop: -ERR greeting fails', async () => {
    const s = keep(await sayingServer('-ERR [SYS/TEMP] Too many connections\r\n'));
    const result = await prober.probe(portTest(s.port, 'pop'), context);
    assert.equal(result.message, "POP: the greeting was '-ERR [SYS/TEMP] Too many connections', expected +OK");
  });

  test('ftp: 421 greeting fails; a multi-line 220 greeting passes', async () => {
    const busy = keep(await sayingServer('421 There are too many connected users, please try later.\r\n'));
    const a = await prober.probe(portTest(busy.port, 'ftp'), context);
    assert.equal(a.message, "FTP: the greeting answered 421 'There are too many connected users, please try later.', expected 220");
    const chatty = keep(await answeringServer('221 Goodbye.\r\n', '220-Welcome\r\nThis is a private system\r\n220 Ready\r\n'));
    const b = await prober.probe(portTest(chatty.port, 'ftp'), context);
    assert.equal(b.ok, true, b.message);
    assert.equal(b.message, "FTP: greeting 'Welcome', QUIT accepted");
  });
});
