// reload, validate and quit through the built binary: with a daemon they go to it; validate without a
// daemon runs one check pass in-process (monit's behaviour), with the actions that pass starts.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { alive, freePort, kill, pidFrom } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { FIXTURES, startDaemon, tempDir, tsmonit } from './helpers/cli.ts';

test('reload applies a changed control file and refuses a broken one; quit stops the daemon', async (t) => {
  const d = await startDaemon(`
  - system: box
`);
  t.after(() => d.stop());
  const cli = (...args: string[]) => tsmonit(['-c', d.file, ...args]);
  const original = readFileSync(d.file, 'utf8');

  writeFileSync(d.file, `${original}  - host: added\n    address: 127.0.0.1\n`);
  const reloaded = await cli('reload');
  assert.equal(reloaded.code, 0, reloaded.stderr);
  assert.equal(reloaded.stdout, 'control file reloaded\n');
  assert.match((await cli('summary')).stdout, /^ added +\S.* +Remote Host$/m);

  // Like monit, the CLI reads the control file first: a broken one is refused before the daemon is asked.
  writeFileSync(d.file, original.replace('daemon: 1s', 'daemon: often'));
  const refused = await cli('reload');
  assert.equal(refused.code, 1);
  const [first, ...details] = refused.stderr.trimEnd().split('\n');
  assert.equal(first, `tsmonit: the control file ${d.file} has errors (tsmonit -t -c ${d.file} lists them)`);
  assert.ok(details.length > 0 && details.every((l) => l.startsWith(`${d.file}:`)), refused.stderr);
  writeFileSync(d.file, original);
  assert.match((await cli('summary')).stdout, /^ added /m, 'the daemon still runs the configuration it had');
  assert.equal((await cli('reload')).code, 0);
  assert.doesNotMatch((await cli('summary')).stdout, /^ added /m);

  const validated = await cli('validate', '--json');
  assert.equal(validated.code, 0, validated.stderr);
  assert.equal(JSON.parse(validated.stdout).server.pid, d.child.pid, 'the running daemon made the pass');

  const exited = new Promise((resolve) => d.child.once('exit', resolve));
  const quit = await cli('quit');
  assert.equal(quit.code, 0, quit.stderr);
  assert.equal(quit.stdout, `tsmonit daemon (pid ${d.child.pid}) stopped\n`);
  assert.equal(d.child.exitCode ?? (await exited), 0, 'the daemon exited on its own, cleanly');
  const after = await cli('status');
  assert.equal(after.code, 1);
  assert.match(after.stderr, /^tsmonit: the tsmonit daemon is not running/);
});

test('validate without a daemon: one pass in-process, which starts what is missing', async (t) => {
  const dir = tempDir();
  const port = await freePort();
  const file = join(dir, 'monitrc.yml');
  writeFileSync(file, `daemon: 1s
log: ${dir}/tsmonit.log
statefile: ${dir}/state.json
control_socket: ${dir}/tsmonit.sock
checks:
  - process: web
    pidfile: ${dir}/web.pid
    start: "${process.execPath} ${FIXTURES}/listen-daemon.js --daemon --pidfile ${dir}/web.pid --port ${port}"
  - host: closed
    address: 127.0.0.1
    rules:
      - if failed port ${await freePort()} type tcp with timeout 1 seconds then alert
`, { mode: 0o600 });
  t.after(() => kill(pidFrom(`${dir}/web.pid`)));

  const r = await tsmonit(['-c', file, 'validate']);
  assert.equal(r.stderr, 'tsmonit: no daemon is running: one check pass in-process\n');
  const web = pidFrom(`${dir}/web.pid`);
  assert.ok(alive(web), 'the pass started the missing process');
  assert.match(r.stdout, /^ closed +Connection failed +Remote Host$/m);
  assert.equal(r.code, 1, 'a service fails after the pass');
  await waitFor('the pass logged to the control file\'s log', () => /trying to start|start/.test(readFileSync(`${dir}/tsmonit.log`, 'utf8')));
});

