// The wiring in main.ts and the instance guard: a tsmonit process serves httpd over TCP (Basic auth) and
// the same routes on its control socket (mode 0600, no auth), and POST /api/v1/daemon/quit stops it.
import assert from 'node:assert/strict';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers/harness.ts';
import { freePort, kill } from '../helpers/processes.ts';
import { logMessages, spawnTsmonit, waitForLog } from '../helpers/tsmonit-process.ts';
import { waitFor } from '../helpers/wait.ts';
import { basic } from './helpers/fake-monitor.ts';

function overSocket(socketPath: string, method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, method, path, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('tsmonit serves httpd and the control socket, and quits over the API', async (t) => {
  const dir = tempDir();
  const port = await freePort();
  const socket = join(dir, 'tsmonit.sock');
  const log = join(dir, 'tsmonit.log');
  const file = join(dir, 'monitrc.yml');
  writeFileSync(file, `
daemon: 1s
log: ${log}
statefile: ${dir}/state.json
control_socket: ${socket}
httpd:
  port: ${port}
  address: 127.0.0.1
  allow:
    - localhost
    - admin:s3cret
    - guest:guest readonly
checks:
  - process: absent
    matching: "^no-such-process-tsmonit-test$"
`, { mode: 0o600 });
  const daemon = spawnTsmonit(['-c', file]);
  t.after(() => kill(daemon.pid, 'SIGKILL'));
  await waitForLog(log, /dashboard and API on http:\/\/127\.0\.0\.1:\d+/).catch((err: Error) => assert.fail(`${err.message}\n${daemon.stderr()}`));
  // The start-up log names the URL and the user, never the password.
  assert.match(logMessages(log).find((m) => m.startsWith('dashboard and API on')) ?? '', /\(user admin\)$/);
  assert.doesNotMatch(readFileSync(log, 'utf8'), /s3cret/);

  const base = `http://127.0.0.1:${port}`;
  assert.equal((await fetch(`${base}/api/v1/services`)).status, 401);
  const services = await fetch(`${base}/api/v1/services`, { headers: { authorization: basic('admin', 's3cret') } });
  assert.equal(services.status, 200);
  assert.equal((await services.json()).services[0].name, 'absent');
  const guestPost = await fetch(`${base}/api/v1/daemon/validate`, { method: 'POST', headers: { authorization: basic('guest', 'guest') } });
  assert.equal(guestPost.status, 403);

  assert.equal(statSync(socket).mode & 0o777, 0o600);
  const viaSocket = await waitFor('the control socket serves the API', async () => {
    const r = await overSocket(socket, 'GET', '/api/v1/services');
    return r.status === 200 ? r : null;
  });
  assert.equal(JSON.parse(viaSocket.body).services[0].name, 'absent');
  assert.equal((await overSocket(socket, 'GET', '/_ping')).body, 'pong');

  const quit = await overSocket(socket, 'POST', '/api/v1/daemon/quit');
  assert.equal(quit.status, 202);
  assert.equal(await daemon.exited, 0, daemon.stderr());
  await assert.rejects(fetch(`${base}/_ping`), 'the listener is closed');
});
