// 7. 100 SIGHUPs in a row while checks run, half of them with a broken control file: tsmonit keeps running
// and, at every moment it is asked, runs the old or the new configuration, never none and never a mix.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { expand, tempDir } from '../helpers/harness.ts';
import { alive, FIXTURES, freePort, pidFrom } from '../helpers/processes.ts';
import { logMessages, spawnTsmonit } from '../helpers/tsmonit-process.ts';
import { sleep, waitFor } from '../helpers/wait.ts';
import { countLog, killAll, overSocket, seededRandom, sleepDaemonStart, startedPids } from './support.ts';

const SIGNALS = 100;

test('100 SIGHUPs, half with a broken file: always the old or the new configuration', { timeout: 240_000 }, async (t) => {
  const dir = tempDir();
  const file = `${dir}/monitrc.yml`;
  const log = `${dir}/tsmonit.log`;
  const silent = spawn(process.execPath, [`${FIXTURES}/silent-server.js`], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => silent.kill('SIGKILL'));
  let out = '';
  silent.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const silentPort = Number((await waitFor('silent server', () => /listening (\d+)/.exec(out)))[1]);
  const okPort = await freePort();

  // Two valid versions (B adds a service and changes a rule) and two broken ones (YAML, and a bad rule).
  const head = `daemon: 500ms
log: ${log}
statefile: \${DIR}/state.json
control_socket: \${DIR}/tsmonit.sock
checks:
  - process: web
    pidfile: \${DIR}/web.pid
    start: { program: "${sleepDaemonStart('web')}", timeout: 10s }
  - host: slowpeer
    address: 127.0.0.1
    rules:
      - if failed port ${silentPort} protocol http with timeout 2 seconds then alert
`;
  const versions = {
    A: `${head}  - host: peer
    address: 127.0.0.1
    rules:
      - if failed port ${okPort} then alert
`,
    B: `${head}  - host: peer
    address: 127.0.0.1
    rules:
      - if failed port ${okPort} for 2 cycles then alert
  - process: extra
    pidfile: \${DIR}/extra.pid
    rules:
      - if cpu > 90% then alert
`,
  };
  const broken = [`${head}  - host: peer\n    address: [unclosed\n`, `${head}  - host: peer\n    address: 127.0.0.1\n    rules:\n      - if cpu > 5 MB then restart\n`];
  const names = { A: 'peer,slowpeer,web', B: 'extra,peer,slowpeer,web' };
  writeFileSync(file, expand(versions.A, dir), { mode: 0o600 });
  const daemon = spawnTsmonit(['-c', file]);
  t.after(() => {
    killAll([daemon.pid]);
    killAll(startedPids(dir, 'web'));
  });
  await waitFor('web running', () => alive(pidFrom(`${dir}/web.pid`)), { timeoutMs: 30000 });
  await waitFor('the control socket answering', async () => (await overSocket(`${dir}/tsmonit.sock`, 'GET', '/api/v1/services')).status === 200);

  let asked = 0;
  const wrong: string[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        const r = await overSocket(`${dir}/tsmonit.sock`, 'GET', '/api/v1/services');
        const list = (r.json as { services?: Array<{ name: string }> }).services ?? [];
        const seen = list.map((s) => s.name).sort().join(',');
        asked += 1;
        if (seen !== names.A && seen !== names.B) wrong.push(seen || '(none)');
      } catch (err) {
        wrong.push(`no answer: ${String(err)}`);
      }
      await sleep(20);
    }
  })();

  const seed = Date.now() % 100_000;
  const random = seededRandom(seed);
  for (let i = 0; i < SIGNALS; i++) {
    const text = i % 2 === 1 ? broken[(i >> 1) % 2]! : i % 4 === 0 ? versions.B : versions.A;
    writeFileSync(file, expand(text, dir), { mode: 0o600 });
    daemon.child.kill('SIGHUP');
    await sleep(random() * 60);
    assert.ok(alive(daemon.pid), `tsmonit alive after SIGHUP ${i + 1} (seed ${seed})`);
  }
  // The last word: a valid file with B, and one more SIGHUP; then the next SIGHUP must land on it.
  await sleep(500);
  writeFileSync(file, expand(versions.B, dir), { mode: 0o600 });
  daemon.child.kill('SIGHUP');
  await waitFor('B in force', async () => {
    const r = await overSocket(`${dir}/tsmonit.sock`, 'GET', '/api/v1/services');
    return ((r.json as { services: Array<{ name: string }> }).services.map((s) => s.name).sort().join(',')) === names.B;
  }, { timeoutMs: 20000 });
  await sleep(1500); // checks of the final configuration
  sampling = false;
  await sampler;

  assert.deepEqual(wrong, [], `every answer was configuration A or B (seed ${seed})`);
  assert.ok(asked >= 20, `asked ${asked} times while reloading`);
  const messages = logMessages(log);
  assert.ok(countLog(messages, /keeping the running configuration/) >= 1, 'broken files were refused');
  assert.ok(countLog(messages, /control file reloaded/) >= 1, 'valid files were loaded');
  assert.equal(startedPids(dir, 'web').length, 1, 'web, unchanged in every version, was started once');
  const web = await overSocket(`${dir}/tsmonit.sock`, 'GET', '/api/v1/services/web');
  assert.match(JSON.stringify(web.json), /"status":"OK"/);
  daemon.child.kill('SIGTERM');
  assert.equal(await daemon.exited, 0);
});
