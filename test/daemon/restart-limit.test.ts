// Must show 3: `if 3 restarts within 5 cycles then unmonitor` stops a crash loop after 3 starts,
// and the service stays unmonitored across a tsmonit restart.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const CONFIG = daemonYaml('1s', `
checks:
  - process: crasher
    pidfile: \${DIR}/crasher.pid
    start: "\${NODE} \${FIXTURES}/crash-after.js --daemon --pidfile \${DIR}/crasher.pid --after-ms 300 --count-file \${DIR}/starts"
    rules:
      - if 3 restarts within 5 cycles then unmonitor
`);

const starts = (dir: string): number => {
  try {
    return readFileSync(`${dir}/starts`, 'utf8').trim().split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
};

test('a crash loop is unmonitored after 3 restarts and stays so after a tsmonit restart', async (t) => {
  const h = await startMonitor(CONFIG);
  const later: Array<Awaited<ReturnType<typeof startMonitor>>> = [];
  t.after(async () => {
    for (const other of later) await other.quit();
    await h.cleanup();
  });

  await waitFor('crasher unmonitored', () => h.monitor.service('crasher')?.monitoring === 'not monitored', { timeoutMs: 30000 });
  assert.equal(starts(h.dir), 3, 'exactly three starts before the limit');
  const timeout = h.events('crasher').find((e) => e.kind === 'timeout' && e.state === 'failed');
  assert.ok(timeout, 'a timeout event names the limit');
  assert.equal(timeout.action, 'unmonitor');
  await h.quit();

  // A new tsmonit on the same state file.
  const again = await startMonitor(CONFIG, { dir: h.dir });
  later.push(again);
  await sleep(3000); // three cycles in which nothing may happen
  assert.equal(again.monitor.service('crasher')?.monitoring, 'not monitored');
  assert.equal(starts(h.dir), 3, 'no start after the tsmonit restart');
  assert.ok(again.monitor.status().server.cycles >= 2, 'the new daemon did run its cycles');
});
