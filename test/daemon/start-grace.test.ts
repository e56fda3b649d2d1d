// Port tests of a process are held back while it is younger than its start timeout (monit's "initializing"):
// a service that writes its pidfile before it listens is not restarted for being slow to listen. Once past its
// start timeout, a port that does not answer is acted on as usual.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { freePort, portAnswers } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

test('a process slow to listen is not restarted while it is within its start timeout', async (t) => {
  const port = await freePort();
  // The pidfile names the subshell at once; it listens 3 s later (exec keeps the pid).
  const h = await startMonitor(daemonYaml('300ms', `
checks:
  - process: slow
    pidfile: \${DIR}/slow.pid
    start: { program: "/bin/sh -c '(sleep 3; exec \${NODE} \${FIXTURES}/listen.js ${port}) >/dev/null 2>&1 & echo $! > \${DIR}/slow.pid'", timeout: 8s }
    rules:
      - if failed port ${port} with timeout 1 seconds then restart
`));
  t.after(() => h.cleanup());
  const initializing = await waitFor('the port failure held back as initializing', () => h.monitor.service('slow')?.ports?.[0]?.ok === null && h.monitor.service('slow')?.process?.pid ? h.monitor.service('slow') : null);
  assert.equal(initializing.status, 'OK');
  await waitFor('listening', () => portAnswers(port), { timeoutMs: 10_000 });
  await waitFor('the port test passes', () => h.monitor.service('slow')?.ports?.[0]?.ok === true);
  await sleep(600);
  const s = h.monitor.service('slow')!;
  assert.equal(s.restarts, 1, `only the first start, no restart for being slow: ${JSON.stringify(h.events('slow').map((e) => e.message))}`);
  assert.ok(!h.events('slow').some((e) => e.kind === 'connection'), 'no connection failure was posted');
});

test('past its start timeout, a process that never listens is restarted', async (t) => {
  const port = await freePort();
  const h = await startMonitor(daemonYaml('300ms', `
checks:
  - process: mute
    pidfile: \${DIR}/mute.pid
    start: { program: "/bin/sh -c 'sleep 60 >/dev/null 2>&1 & echo $! > \${DIR}/mute.pid'", timeout: 1s }
    rules:
      - if failed port ${port} with timeout 1 seconds then restart
`));
  t.after(() => h.cleanup());
  const failed = await waitFor('a connection failure once past the start timeout', () => h.events('mute').find((e) => e.kind === 'connection' && e.state === 'failed'), { timeoutMs: 10_000 });
  assert.equal(failed.action, 'restart');
});
