// Must show 9: SIGKILL tsmonit mid-cycle and start it again: no service is started twice, state is intact.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { spawnedYaml } from '../helpers/daemon-yaml.ts';
import { tempDir, writeControlFile } from '../helpers/harness.ts';
import { alive, freePort, kill, killPidfiles, pidFrom, portAnswers } from '../helpers/processes.ts';
import { spawnTsmonit, waitForLog, type TsmonitProcess } from '../helpers/tsmonit-process.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const starts = (file: string): number => {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
};

function setup(dir: string, port: number, startProgram: string): string {
  return writeControlFile(dir, spawnedYaml('500ms', `checks:
  - process: svc
    pidfile: \${DIR}/svc.pid
    start: { program: "${startProgram}", timeout: 20s }
    rules:
      - if failed port ${port} then restart
      - if cpu > 95% for 4 cycles then alert
`, { socket: true }));
}

test('tsmonit SIGKILLed at random points of its cycle never starts a service twice', async (t) => {
  const dir = tempDir();
  const port = await freePort();
  const file = setup(dir, port, `\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/svc.pid --port ${port} --count-file \${DIR}/starts`);
  let daemon: TsmonitProcess = spawnTsmonit(['-c', file]);
  t.after(() => {
    kill(daemon.pid, 'SIGKILL');
    killPidfiles(`${dir}/svc.pid`);
  });
  const svc = await waitFor('svc running', async () => {
    const pid = pidFrom(`${dir}/svc.pid`);
    return pid && alive(pid) && (await portAnswers(port)) ? pid : null;
  });
  await waitFor('state saved with the identity', () => readFileSync(`${dir}/state.json`, 'utf8').includes(`"pid": ${svc}`) || readFileSync(`${dir}/state.json`, 'utf8').includes(`"pid":${svc}`));

  for (let round = 0; round < 6; round++) {
    await sleep(150 + Math.floor(Math.random() * 700)); // a random point of the 500 ms cycle
    kill(daemon.pid, 'SIGKILL');
    await daemon.exited;
    const state = JSON.parse(readFileSync(`${dir}/state.json`, 'utf8')) as { version: number; services: Record<string, unknown> };
    assert.equal(state.version, 2, 'the state file is whole after a SIGKILL');
    assert.ok(state.services['process:svc'], 'and holds the service');
    daemon = spawnTsmonit(['-c', file]);
    await waitForLog(`${dir}/tsmonit.log`, /started: 1 services/);
  }
  await sleep(1500); // three more cycles of the last instance
  assert.equal(starts(`${dir}/starts`), 1, 'the service was started once, by the first tsmonit');
  assert.equal(pidFrom(`${dir}/svc.pid`), svc);
  assert.ok(alive(svc));
});

test('tsmonit killed while a start program runs waits for it after its restart', async (t) => {
  const dir = tempDir();
  const port = await freePort();
  const file = setup(dir, port, `\${FIXTURES}/slow-start.sh 2 --pidfile \${DIR}/svc.pid --port ${port} --count-file \${DIR}/starts`);
  let daemon: TsmonitProcess = spawnTsmonit(['-c', file]);
  t.after(() => {
    kill(daemon.pid, 'SIGKILL');
    killPidfiles(`${dir}/svc.pid`);
  });
  await waitForLog(`${dir}/tsmonit.log`, /'svc' (start|restart): /);
  await waitFor('the start program recorded in the state file', () => readFileSync(`${dir}/state.json`, 'utf8').includes('programPid'));
  kill(daemon.pid, 'SIGKILL');
  await daemon.exited;
  daemon = spawnTsmonit(['-c', file]);
  await waitFor('svc running', async () => alive(pidFrom(`${dir}/svc.pid`)) && (await portAnswers(port)), { timeoutMs: 20000 });
  await sleep(1500);
  assert.equal(starts(`${dir}/starts`), 1, 'started once although tsmonit died during the start');
});

test('a second tsmonit on the same pidfile and socket refuses to run', async (t) => {
  const dir = tempDir();
  const port = await freePort();
  const file = setup(dir, port, `\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/svc.pid --port ${port}`);
  const first = spawnTsmonit(['-c', file]);
  t.after(() => {
    kill(first.pid, 'SIGKILL');
    killPidfiles(`${dir}/svc.pid`);
  });
  await waitForLog(`${dir}/tsmonit.log`, /started: 1 services/);
  const second = spawnTsmonit(['-c', file]);
  assert.equal(await second.exited, 1);
  assert.match(second.stderr(), /already running/);
  assert.ok(alive(first.pid), 'the first one was not touched');
});
