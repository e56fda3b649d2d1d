// 3. Start programs that hang, exit non-zero, stay in the foreground, or fork and exit: each gives a clear
// event, no service ever runs twice, and a steady service beside them is checked every cycle meanwhile.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { alive } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';
import { killAll, liveInstances, sleepDaemonStart, startedPids } from './support.ts';

test('bad start programs fail clearly, never run twice, and stall nothing else', { timeout: 120_000 }, async (t) => {
  const steady = await import('node:child_process').then(({ spawn }) => spawn('sleep', ['100000'], { stdio: 'ignore' }));
  t.after(() => steady.kill('SIGKILL'));
  const h = await startMonitor(daemonYaml('1s', `checks:
  - process: hangs
    pidfile: \${DIR}/hangs.pid
    start: { program: "\${NODE} \${FIXTURES}/hang.js", timeout: 3s }
  - process: fails
    pidfile: \${DIR}/fails.pid
    start: { program: "/bin/sh -c 'echo cannot bind >&2; exit 3'", timeout: 3s }
  - process: foreground
    pidfile: \${DIR}/foreground.pid
    start: { program: "/bin/sh -c 'echo $$ > \${DIR}/foreground.pid; echo $$ >> \${DIR}/foreground.starts; exec sleep 100000'", timeout: 3s }
  - process: forks
    pidfile: \${DIR}/forks.pid
    start: { program: "${sleepDaemonStart('forks')}", timeout: 3s }
  - process: steady
    pidfile: \${DIR}/steady.pid
    rules:
      - if cpu > 95% for 3 cycles then alert
`));
  t.after(async () => {
    await h.cleanup();
    killAll([...startedPids(h.dir, 'foreground'), ...startedPids(h.dir, 'forks')]);
  });
  const { writeFileSync } = await import('node:fs');
  writeFileSync(`${h.dir}/steady.pid`, `${steady.pid}\n`);

  let steadyChecks = 0;
  let twice = '';
  const off = h.monitor.onCycle((report) => {
    if (report.services.some((s) => s.name === 'steady')) steadyChecks += 1;
  });
  t.after(off);
  const watcher = setInterval(() => {
    for (const name of ['foreground', 'forks']) {
      const live = liveInstances(h.dir, name);
      if (live.length > 1) twice ||= `${name}: ${live.join(', ')}`;
    }
  }, 50);
  t.after(() => clearInterval(watcher));
  const began = Date.now();

  const failed = (name: string) => waitFor(`${name}: Execution failed`, () => h.events(name).find((e) => e.kind === 'exec' && e.state === 'failed'), { timeoutMs: 30000 });
  const hung = await failed('hangs');
  assert.match(hung.message, /timed out after 3 s/);
  const hangPid = Number(/hanging (\d+)/.exec(hung.output ?? '')?.[1]);
  assert.ok(hangPid > 0, `the event carries the program's output: ${hung.output}`);
  await waitFor('the hanging program killed', () => !alive(hangPid));

  const exited = await failed('fails');
  assert.match(exited.message, /exit status 3/);
  assert.match(exited.output ?? '', /cannot bind/);

  const foreground = await failed('foreground');
  assert.match(foreground.message, /timed out after 3 s/);
  await waitFor('the foreground program killed with its group', () => liveInstances(h.dir, 'foreground').length === 0 || startedPids(h.dir, 'foreground').length > 1);

  await waitFor('forks ok', () => h.monitor.service('forks')?.status === 'OK');
  await sleep(4000); // more cycles: retries of the failing ones go on, nothing runs twice
  clearInterval(watcher);
  const elapsedS = (Date.now() - began) / 1000;

  assert.equal(twice, '', `two instances at once: ${twice}`);
  assert.equal(startedPids(h.dir, 'forks').length, 1, 'the daemon that forked was started once');
  for (const name of ['hangs', 'fails', 'foreground']) {
    // Between retries the status is "Execution failed"; while one runs, "Does not exist - restart pending".
    assert.match(h.monitor.service(name)?.status ?? '', /Execution failed|Does not exist/, `${name} is not ok`);
  }
  assert.equal(h.monitor.service('steady')?.status, 'OK');
  assert.ok(steadyChecks >= Math.floor(elapsedS * 0.6), `steady checked ${steadyChecks} times in ${elapsedS.toFixed(1)} s`);
});
