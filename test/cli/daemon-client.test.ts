// The client over real sockets against a stand-in server: which endpoint answers, the starting daemon's 503,
// the daemon's error messages, and "not running" when nothing listens.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { DaemonClient, DaemonNotRunning } from '../../src/cli/daemon-client.ts';
import { freePort } from '../helpers/processes.ts';
import { tempDir } from './helpers/cli.ts';

async function serve(t: TestContext, where: string | number, handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => (typeof where === 'string' ? server.listen(where, resolve) : server.listen(where, '127.0.0.1', resolve)));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return server;
}

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

describe('DaemonClient', () => {
  test('a stale socket path falls through to httpd, with Basic auth and no Origin', async (t) => {
    const port = await freePort();
    let seen: IncomingMessage | undefined;
    await serve(t, port, (req, res) => {
      seen = req;
      json(res, 200, { ok: true });
    });
    const client = new DaemonClient([
      { kind: 'socket', path: join(tempDir(), 'gone.sock') },
      { kind: 'tcp', host: '127.0.0.1', port, tlsCert: null, auth: { user: 'admin', password: 'pw' } },
    ]);
    assert.deepEqual(await client.json('POST', '/api/v1/daemon/validate', { x: 1 }), { ok: true });
    assert.equal(client.endpoint?.kind, 'tcp');
    assert.equal(seen?.headers.authorization, `Basic ${Buffer.from('admin:pw').toString('base64')}`);
    assert.equal(seen?.headers.origin, undefined);
    assert.equal(seen?.headers['content-type'], 'application/json');
  });

  test('503 while the daemon starts is retried; then the answer', async (t) => {
    const socket = join(tempDir(), 'd.sock');
    let calls = 0;
    await serve(t, socket, (_req, res) => (++calls < 3 ? json(res, 503, { message: 'tsmonit is starting' }) : json(res, 200, { n: calls })));
    const client = new DaemonClient([{ kind: 'socket', path: socket }]);
    assert.deepEqual(await client.json('GET', '/api/v1/services'), { n: 3 });
  });

  test('the daemon\'s error message is the CLI\'s; 401 names the user from the control file', async (t) => {
    const port = await freePort();
    await serve(t, port, (req, res) => {
      if (req.url === '/nope') json(res, 404, { statusCode: 404, code: 'TSM_E_UNKNOWN_SERVICE', error: 'Not Found', message: 'there is no service named "x"' });
      else if (req.url === '/plain') {
        res.writeHead(500);
        res.end('oops');
      } else json(res, 401, { message: 'wrong user name or password' });
    });
    const client = new DaemonClient([{ kind: 'tcp', host: '127.0.0.1', port, tlsCert: null, auth: { user: 'ops', password: 'x' } }]);
    await assert.rejects(client.json('GET', '/nope'), { message: 'there is no service named "x"' });
    await assert.rejects(client.json('GET', '/plain'), { message: 'the daemon answered HTTP 500' });
    await assert.rejects(client.json('GET', '/auth'), { message: `wrong user name or password: http://127.0.0.1:${port} refused user "ops" from the control file` });
  });

  test('nothing listening anywhere: DaemonNotRunning naming every place it looked', async () => {
    const port = await freePort();
    const path = join(tempDir(), 'none.sock');
    const client = new DaemonClient([{ kind: 'socket', path }, { kind: 'tcp', host: '127.0.0.1', port, tlsCert: null, auth: null }]);
    await assert.rejects(client.json('GET', '/api/v1/services'), (err: Error) => {
      assert.ok(err instanceof DaemonNotRunning);
      assert.equal(err.message, `the tsmonit daemon is not running (nothing answers on control socket ${path} nor on http://127.0.0.1:${port})`);
      return true;
    });
  });

  test('a daemon that goes away after answering once is reported as not running', async (t) => {
    const socket = join(tempDir(), 'd.sock');
    const server = await serve(t, socket, (_req, res) => json(res, 200, {}));
    const client = new DaemonClient([{ kind: 'socket', path: socket }]);
    await client.json('GET', '/');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await assert.rejects(client.json('GET', '/'), DaemonNotRunning);
  });

  test('no endpoint at all is an error up front', () => {
    assert.throws(() => new DaemonClient([]), { message: /neither control_socket nor httpd/ });
  });
});
