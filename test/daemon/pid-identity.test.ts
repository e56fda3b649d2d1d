// Must show 4: a pidfile left pointing at a live, unrelated PID is `Does not exist`; the service is started;
// the unrelated process is never signalled.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor, tempDir } from '../helpers/harness.ts';
import { alive, freePort, pidFrom, spawnUnrelated } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

test('a stale pidfile naming an unrelated live process is not the service', async (t) => {
  const dir = tempDir();
  const signalLog = `${dir}/unrelated.signals`;
  const unrelated = spawnUnrelated(signalLog);
  t.after(() => unrelated.stop());
  await sleep(200); // let it install its signal handlers
  // The pidfile was written an hour before the unrelated process started: left over from an old boot.
  const pidfile = `${dir}/svc.pid`;
  writeFileSync(pidfile, `${unrelated.pid}\n`);
  const anHourAgo = new Date(Date.now() - 3600_000);
  utimesSync(pidfile, anHourAgo, anHourAgo);

  const port = await freePort();
  const h = await startMonitor(daemonYaml('1s', `
checks:
  - process: svc
    pidfile: \${DIR}/svc.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/svc.pid --port ${port}"
    stop: "\${NODE} -e 0"
`), { dir });
  t.after(() => h.cleanup());

  const notRunning = await waitFor('Does not exist', () => h.events('svc').find((e) => e.kind === 'nonexist' && e.state === 'failed'));
  assert.match(notRunning.message, new RegExp(`${unrelated.pid}`), 'the message names the stale pid');
  const started = await waitFor('svc started', () => {
    const pid = pidFrom(pidfile);
    return pid !== null && pid !== unrelated.pid && alive(pid) ? pid : null;
  });
  await waitFor('svc ok', () => h.monitor.service('svc')?.status === 'OK');
  assert.equal(h.monitor.service('svc')?.process?.pid, started);
  assert.ok(alive(unrelated.pid), 'the unrelated process is alive');
  assert.ok(!existsSync(signalLog) || readFileSync(signalLog, 'utf8') === '', 'and was never signalled');
});
