// monitrc.example.yml is the file users copy: it must validate, and `npm start` must supervise its demo.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { alive, kill, killPidfiles, pidFrom, portAnswers, ROOT } from '../helpers/processes.ts';
import { spawnTsmonit, type TsmonitProcess } from '../helpers/tsmonit-process.ts';
import { waitFor } from '../helpers/wait.ts';

test('tsmonit -t accepts monitrc.example.yml', () => {
  const run = spawnSync(process.execPath, [`${ROOT}bin/tsmonit.js`, '-t', '-c', 'monitrc.example.yml'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^Control file syntax OK$/m);
});

test('the example starts and supervises its demo service', async (t) => {
  const demoPidfiles = ['/tmp/tsmonit-demo.pid', '/tmp/tsmonit-demo-worker.pid'];
  killPidfiles(...demoPidfiles);
  const daemon: TsmonitProcess = spawnTsmonit(['-c', 'monitrc.example.yml']);
  t.after(() => {
    kill(daemon.pid, 'SIGKILL');
    killPidfiles(...demoPidfiles);
  });
  await waitFor('the demo answers on 8089', async () => alive(pidFrom(demoPidfiles[0]!)) && (await portAnswers(8089)), { timeoutMs: 30000 });
  await waitFor('the demo worker runs', () => alive(pidFrom(demoPidfiles[1]!)), { timeoutMs: 30000 });
  daemon.child.kill('SIGTERM');
  assert.equal(await daemon.exited, 0, daemon.stderr());
});
