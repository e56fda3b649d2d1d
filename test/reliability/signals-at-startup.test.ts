// A SIGHUP or SIGUSR1 while tsmonit is still starting must not kill it (both end a process by default):
// they are held and acted on once it runs. The control file is a FIFO, so tsmonit waits in the middle of
// its start for as long as the test wants, and the signals land exactly there.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { expand, tempDir } from '../helpers/harness.ts';
import { alive } from '../helpers/processes.ts';
import { logMessages, spawnTsmonit, waitForLog } from '../helpers/tsmonit-process.ts';
import { waitFor } from '../helpers/wait.ts';
import { killAll } from './support.ts';

/** True while one of the process's threads waits in open() for a FIFO's writer. */
function waitsOnFifo(pid: number): boolean {
  try {
    return readdirSync(`/proc/${pid}/task`).some((tid) => readFileSync(`/proc/${pid}/task/${tid}/wchan`, 'utf8') === 'wait_for_partner');
  } catch {
    return false;
  }
}

test('SIGHUP and SIGUSR1 during start-up are held, not fatal', { timeout: 60_000 }, async (t) => {
  const dir = tempDir();
  const file = `${dir}/monitrc.yml`;
  execFileSync('mkfifo', ['-m', '600', file]);
  const daemon = spawnTsmonit(['-c', file]);
  t.after(() => killAll([daemon.pid]));
  await waitFor('tsmonit reading its control file', () => waitsOnFifo(daemon.pid), { timeoutMs: 30000 });
  daemon.child.kill('SIGHUP');
  daemon.child.kill('SIGUSR1');
  writeFileSync(file, expand(`daemon: 1h
log: \${DIR}/tsmonit.log
statefile: \${DIR}/state.json
control_socket: false
checks:
  - process: svc
    pidfile: \${DIR}/svc.pid
    rules:
      - if cpu > 95% then alert
`, dir));
  await waitFor('started, or dead', () => !alive(daemon.pid) || logMessages(`${dir}/tsmonit.log`).some((m) => /started: 1 services/.test(m)), { timeoutMs: 20000 });
  assert.ok(alive(daemon.pid), `tsmonit was killed by a signal during its start-up: ${daemon.stderr()}`);
  // The held SIGHUP reloads, which reads the FIFO again: feed it once more.
  await waitFor('the reload reading the control file', () => waitsOnFifo(daemon.pid) || !alive(daemon.pid), { timeoutMs: 20000 });
  assert.ok(alive(daemon.pid), `tsmonit survived the signals: ${daemon.stderr()}`);
  writeFileSync(file, expand(`daemon: 1h
log: \${DIR}/tsmonit.log
statefile: \${DIR}/state.json
control_socket: false
checks:
  - process: svc
    pidfile: \${DIR}/svc.pid
    rules:
      - if cpu > 95% then alert
`, dir));
  await waitForLog(`${dir}/tsmonit.log`, /control file reloaded/);
  daemon.child.kill('SIGTERM');
  assert.equal(await daemon.exited, 0);
});
