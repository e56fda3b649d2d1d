// monitrc.example.yml is the file users copy: it must validate, and `npm start` must supervise its demo.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { tempDir } from '../helpers/harness.ts';
import { alive, freePort, kill, killPidfiles, pidFrom, portAnswers, ROOT } from '../helpers/processes.ts';
import { spawnTsmonit, type TsmonitProcess } from '../helpers/tsmonit-process.ts';
import { waitFor } from '../helpers/wait.ts';

test('tsmonit -t accepts monitrc.example.yml', () => {
  const run = spawnSync(process.execPath, [`${ROOT}bin/tsmonit.js`, '-t', '-c', 'monitrc.example.yml'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Control file syntax OK$/m);
});

test('the example starts and supervises its demo service', async (t) => {
  // The real file, with its /tmp paths and ports moved aside so a leftover state (or a running `npm start`)
  // cannot change the outcome. Everything else, start programs included, is as users get it.
  const dir = tempDir();
  const [demoPort, httpPort] = [await freePort(), await freePort()];
  const text = readFileSync(`${ROOT}monitrc.example.yml`, 'utf8')
    .replaceAll('/tmp/tsmonit-', `${dir}/tsmonit-`)
    .replaceAll('8089', String(demoPort))
    .replaceAll('port: 2812', `port: ${httpPort}`);
  const file = `${dir}/monitrc.yml`;
  writeFileSync(file, text, { mode: 0o600 });
  const demoPidfiles = [`${dir}/tsmonit-demo.pid`, `${dir}/tsmonit-demo-worker.pid`];
  const daemon: TsmonitProcess = spawnTsmonit(['-c', file]);
  t.after(() => {
    kill(daemon.pid, 'SIGKILL');
    killPidfiles(...demoPidfiles);
  });
  await waitFor('the demo answers', async () => alive(pidFrom(demoPidfiles[0]!)) && (await portAnswers(demoPort)), { timeoutMs: 30000 });
  await waitFor('the demo worker runs', () => alive(pidFrom(demoPidfiles[1]!)), { timeoutMs: 30000 });
  const first = pidFrom(demoPidfiles[0]!);
  kill(first, 'SIGKILL');
  await waitFor('the demo restarted', async () => {
    const pid = pidFrom(demoPidfiles[0]!);
    return pid !== first && alive(pid) && (await portAnswers(demoPort));
  }, { timeoutMs: 30000 });
  daemon.child.kill('SIGTERM');
  assert.equal(await daemon.exited, 0, daemon.stderr());
});
