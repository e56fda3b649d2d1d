// The default stop (SIGTERM + SIGCONT, SIGKILL after stop_timeout), exec actions with their environment,
// and uid rules written with user names.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor, tempDir } from '../helpers/harness.ts';
import { alive, FIXTURES, kill } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

/** Starts a fixture detached, waits until it runs its script, then writes its pidfile (as a daemon would). */
async function runDetached(script: string, pidfile: string): Promise<number> {
  const child = spawn(process.execPath, [`${FIXTURES}/${script}`], { detached: true, stdio: 'ignore' });
  child.unref();
  const pid = child.pid!;
  await waitFor(`${script} running`, () => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(script));
  await sleep(300); // let it install its signal handlers
  writeFileSync(pidfile, `${pid}\n`);
  return pid;
}

test('stop without a stop program: SIGTERM, then SIGKILL after stop_timeout', async (t) => {
  const dir = tempDir();
  const pid = await runDetached('ignore-sigterm.js', `${dir}/stubborn.pid`);
  t.after(() => kill(pid));
  const h = await startMonitor(daemonYaml('1s', `
limits: { stop_timeout: 1s }
checks:
  - process: stubborn
    pidfile: \${DIR}/stubborn.pid
`), { dir });
  t.after(() => h.cleanup());
  await waitFor('stubborn ok', () => h.monitor.service('stubborn')?.status === 'OK');
  const [outcome] = await h.monitor.act({ action: 'stop', services: ['stubborn'], waitMs: 15000 });
  assert.equal(outcome?.state, 'done', JSON.stringify(outcome));
  assert.match(outcome!.message, /SIGKILL after the stop timeout/);
  assert.ok(!alive(pid), 'the process that ignored SIGTERM is gone');
  assert.equal(h.monitor.service('stubborn')?.monitoring, 'not monitored');
});

test('exec runs with MONIT_* variables; uid rules take user names', async (t) => {
  const dir = tempDir();
  const pid = await runDetached('sleep-forever.js', `${dir}/svc.pid`);
  t.after(() => kill(pid));
  const me = process.getuid!();
  const h = await startMonitor(daemonYaml('1s', `
checks:
  - process: svc
    pidfile: \${DIR}/svc.pid
    rules:
      - if failed uid ${me === 0 ? 'root' : String(me)} then alert
      - if failed uid nobody then exec "/bin/sh -c 'echo $MONIT_SERVICE $TSMONIT_EVENT $MONIT_PROCESS_PID >> \${DIR}/exec.out'" repeat every 2 cycles
`), { dir });
  t.after(() => h.cleanup());
  const line = await waitFor('the exec ran', () => {
    try {
      return readFileSync(`${dir}/exec.out`, 'utf8').split('\n')[0];
    } catch {
      return null;
    }
  });
  assert.equal(line, `svc rule ${pid}`);
  const failures = h.monitor.service('svc')?.failures;
  assert.deepEqual(failures, ['uid'], 'only the nobody rule fails');
  await waitFor('repeated every 2 cycles', () => readFileSync(`${dir}/exec.out`, 'utf8').trim().split('\n').length >= 2, { timeoutMs: 10000 });
  const exec = h.events('svc').find((e) => e.kind === 'exec' && e.action === 'exec');
  assert.ok(exec && exec.state === 'info', 'the exec is an event with its result');
});

test('a uid rule naming an unknown user refuses to start, with the rule place', async () => {
  await assert.rejects(
    startMonitor(`
statefile: \${DIR}/state.json
control_socket: false
checks:
  - process: svc
    pidfile: /nonexistent.pid
    rules:
      - if failed uid no-such-user-here then alert
`),
    /monitrc\.yml:8:\d+: 'svc' rule "if failed uid no-such-user-here then alert": there is no user named "no-such-user-here"/,
  );
});
