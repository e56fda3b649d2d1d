// A start program that exits at once must not stay recorded as "in flight" (state.starting): it was written
// by an asynchronous step that could land after the start had finished, and then outlived it in the state file
// (found by the PID-reuse test). After a start, neither memory nor the state file holds it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { alive, pidFrom } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';
import { killAll, sleepDaemonStart, startedPids } from './support.ts';

test('a finished start program is not left recorded as in flight', async (t) => {
  const h = await startMonitor(daemonYaml('500ms', `checks:
  - process: svc
    pidfile: \${DIR}/svc.pid
    start: { program: "${sleepDaemonStart('svc')}", timeout: 10s }
`));
  t.after(async () => {
    await h.cleanup();
    killAll(startedPids(h.dir, 'svc'));
  });
  await waitFor('svc ok', () => alive(pidFrom(`${h.dir}/svc.pid`)) && h.monitor.service('svc')?.status === 'OK', { timeoutMs: 20000 });
  await sleep(1200); // a few saves
  await h.quit();
  const saved = JSON.parse(readFileSync(`${h.dir}/state.json`, 'utf8')) as { services: Record<string, { starting?: unknown }> };
  assert.equal(saved.services['process:svc']?.starting ?? null, null);
});
