// check program in a running daemon: the result counts in the check that ran it, a slow program is never run
// twice at once, a hung one is killed at its timeout, and quitting ends a program still running.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { alive } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const lines = (file: string): string[] => {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean);
  } catch {
    return [];
  }
};

test('status counts in the same check as the run that produced it', async (t) => {
  const h = await startMonitor(daemonYaml('300ms', `
checks:
  - program: probe
    path: "/bin/sh -c 'n=$(( $(cat \${DIR}/count 2>/dev/null || echo 0) + 1 )); echo $n > \${DIR}/count; c=$(cat \${DIR}/code); echo run $n code $c >> \${DIR}/runs; echo run $n; exit $c'"
    timeout: 5s
    rules:
      - if status != 0 then alert
`), { dir: undefined });
  t.after(() => h.cleanup());
  writeFileSync(`${h.dir}/code`, '0');
  await waitFor('ok', () => h.monitor.service('probe')?.status === 'OK' && h.monitor.service('probe')?.program?.status === 0);
  writeFileSync(`${h.dir}/code`, '3');
  const failed = await waitFor('status failure', () => h.events('probe').find((e) => e.kind === 'status' && e.state === 'failed'));
  const firstBad = lines(`${h.dir}/runs`).find((l) => l.endsWith('code 3'))!;
  const run = /^run (\d+)/.exec(firstBad)![1];
  assert.equal(failed.message, `status failed (3) [status != 0] -- run ${run}`, 'the failing run itself is judged, not the one before');
  const program = h.monitor.service('probe')!.program!;
  assert.equal(program.status, 3);
  assert.match(program.output ?? '', /^run \d+/);
  writeFileSync(`${h.dir}/code`, '0');
  await waitFor('recovery', () => h.events('probe').some((e) => e.kind === 'status' && e.state === 'succeeded'));
});

test('a program slower than the cycle is never started twice at once; a hung one is killed at its timeout', async (t) => {
  const h = await startMonitor(daemonYaml('200ms', `
checks:
  - program: slow
    path: "/bin/sh -c 'echo start >> \${DIR}/slow.log; sleep 1; echo end >> \${DIR}/slow.log'"
    rules:
      - if status != 0 then alert
  - program: hung
    path: "/bin/sh -c 'echo $$ > \${DIR}/hung.pid; exec sleep 60'"
    timeout: 1s
    rules:
      - if status != 0 then alert
`));
  t.after(() => h.cleanup());
  const timedOut = await waitFor('the hung program timed out', () => h.events('hung').find((e) => e.kind === 'status' && e.state === 'failed'), { timeoutMs: 10_000 });
  assert.match(timedOut.message, /^program timed out after 1 s and was killed$/);
  const hungPid = Number(readFileSync(`${h.dir}/hung.pid`, 'utf8'));
  await waitFor('the hung program is gone', () => !alive(hungPid) || Number(readFileSync(`${h.dir}/hung.pid`, 'utf8')) !== hungPid);
  await sleep(3500);
  const log = lines(`${h.dir}/slow.log`);
  assert.ok(log.filter((l) => l === 'start').length >= 2, `ran repeatedly: ${log.join(',')}`);
  for (let i = 0; i < log.length; i++) {
    assert.equal(log[i], i % 2 === 0 ? 'start' : 'end', `runs never overlap: ${log.join(',')}`);
  }
  assert.equal(h.monitor.service('slow')?.status, 'OK');
});

test('quit ends a check program that is still running', async (t) => {
  const h = await startMonitor(daemonYaml('200ms', `
checks:
  - program: long
    path: "/bin/sh -c 'echo $$ > \${DIR}/long.pid; exec sleep 60'"
    timeout: 2m
    rules:
      - if status != 0 then alert
`));
  t.after(() => h.cleanup());
  const pid = await waitFor('program running', () => {
    const p = Number(lines(`${h.dir}/long.pid`)[0]);
    return p > 0 && alive(p) ? p : null;
  });
  await h.quit();
  await waitFor('program ended by quit', () => !alive(pid), { timeoutMs: 5000 });
});
