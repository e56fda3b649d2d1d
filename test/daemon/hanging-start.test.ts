// Must show 5: a start program that never returns is killed at its timeout (Execution failed, its output in the
// event) while another service keeps being checked: at least 8 checks during a 10 s hang at a 1 s cycle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor, tempDir } from '../helpers/harness.ts';
import { alive, FIXTURES, freePort } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

test('a hanging start program is killed at its timeout and never stalls another service', async (t) => {
  const dir = tempDir();
  const port = await freePort();
  spawnSync(process.execPath, [`${FIXTURES}/listen-daemon.js`, '--daemon', '--pidfile', `${dir}/steady.pid`, '--port', String(port)]);
  const h = await startMonitor(daemonYaml('1s', `
checks:
  - process: stuck
    pidfile: \${DIR}/stuck.pid
    start: { program: "\${NODE} \${FIXTURES}/hang.js", timeout: 10s }
  - process: steady
    pidfile: \${DIR}/steady.pid
    rules:
      - if failed port ${port} then alert
`), { dir });
  t.after(() => h.cleanup());

  let steadyChecks = 0;
  let counting = false;
  const off = h.monitor.onCycle((report) => {
    if (counting && report.services.some((s) => s.name === 'steady')) steadyChecks += 1;
  });
  t.after(off);

  await waitFor('stuck start pending', () => ['start', 'restart'].includes(h.monitor.service('stuck')?.pendingAction ?? ''));
  counting = true;
  const failed = await waitFor('Execution failed', () => h.events('stuck').find((e) => e.kind === 'exec' && e.state === 'failed'), { timeoutMs: 20000 });
  counting = false;
  assert.ok(steadyChecks >= 8, `steady was checked ${steadyChecks} times during the hang`);
  assert.match(failed.message, /timed out/);
  assert.match(failed.output ?? '', /hanging \d+/, 'the program output is in the event');
  const hangPid = Number(/hanging (\d+)/.exec(failed.output ?? '')![1]);
  await waitFor('the hanging program killed', () => !alive(hangPid));
  await waitFor('status shows it', () => /Execution failed/.test(h.monitor.service('stuck')?.status ?? ''));
  assert.equal(h.monitor.service('steady')?.status, 'OK');
});
