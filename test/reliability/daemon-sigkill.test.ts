// 6. tsmonit SIGKILLed at random points 20 times and started again: the state file is whole every time, a
// service the user unmonitored stays unmonitored, and no service is ever started twice (one service is
// also killed now and then, so some of the kills land while tsmonit restarts it).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeState } from '../../src/effects/state-store.ts';
import { expand, tempDir } from '../helpers/harness.ts';
import { alive, pidFrom } from '../helpers/processes.ts';
import { logMessages, spawnTsmonit, type TsmonitProcess } from '../helpers/tsmonit-process.ts';
import { sleep, waitFor } from '../helpers/wait.ts';
import { ageMs, countLog, killAll, liveInstances, overSocket, seededRandom, sleepDaemonStart, startedPids } from './support.ts';

const ROUNDS = 20;
const SERVICES = ['a', 'b', 'slow', 'manual'];

function savedState(file: string) {
  const decoded = decodeState(readFileSync(file, 'utf8'));
  assert.ok('state' in decoded, `the state file is whole: ${'problem' in decoded ? decoded.problem : ''}`);
  return decoded.state;
}

test('tsmonit SIGKILLed 20 times: state intact, nothing started twice', { timeout: 300_000 }, async (t) => {
  const dir = tempDir();
  const file = `${dir}/monitrc.yml`;
  const log = `${dir}/tsmonit.log`;
  const checks = ['a', 'b', 'manual'].map((s) => `  - process: ${s}
    pidfile: \${DIR}/${s}.pid
    start: { program: "${sleepDaemonStart(s)}", timeout: 10s }`);
  // A start program that takes a while, so some kills land during a start.
  checks.push(`  - process: slow
    pidfile: \${DIR}/slow.pid
    start: { program: "/bin/sh -c 'sleep 1; sleep 100000 >/dev/null 2>&1 & echo $! > \${DIR}/slow.pid; echo $! >> \${DIR}/slow.starts'", timeout: 10s }`);
  writeFileSync(file, expand(`daemon: 500ms
log: ${log}
statefile: \${DIR}/state.json
pidfile: \${DIR}/tsmonit.pid
control_socket: \${DIR}/tsmonit.sock
checks:
${checks.join('\n')}
`, dir), { mode: 0o600 });
  let daemon: TsmonitProcess = spawnTsmonit(['-c', file]);
  t.after(() => {
    killAll([daemon.pid]);
    for (const s of SERVICES) killAll(startedPids(dir, s));
  });
  for (const s of SERVICES) await waitFor(`${s} running`, () => alive(pidFrom(`${dir}/${s}.pid`)), { timeoutMs: 30000 });
  const answer = await waitFor('unmonitor manual', async () => {
    const r = await overSocket(`${dir}/tsmonit.sock`, 'POST', '/api/v1/services/manual/actions', { action: 'unmonitor' });
    return r.status < 300 ? r : null;
  });
  assert.ok(answer.status < 300);
  await waitFor('saved: manual not monitored', () => savedState(`${dir}/state.json`).services['process:manual']?.monitoring === 'not monitored');

  const seed = Date.now() % 100_000;
  const random = seededRandom(seed);
  let twice = '';
  const watcher = setInterval(() => {
    for (const s of SERVICES) {
      const live = liveInstances(dir, s);
      if (live.length > 1) twice ||= `${s}: ${live.join(', ')}`;
    }
  }, 50);
  t.after(() => clearInterval(watcher));

  let killsOfA = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    if (round % 4 === 0) {
      // Kill 'a' once it has run long enough to be known, then kill tsmonit while it restarts it.
      const pid = await waitFor('a known', () => {
        const p = pidFrom(`${dir}/a.pid`);
        return p !== null && alive(p) && (ageMs(p) ?? 0) > 1000 ? p : null;
      }, { timeoutMs: 30000 });
      killAll([pid]);
      killsOfA += 1;
    }
    await sleep(100 + random() * 1400); // a random point of tsmonit's cycle (or of its restart of 'a')
    killAll([daemon.pid]);
    await daemon.exited;
    const state = savedState(`${dir}/state.json`);
    for (const s of SERVICES) assert.ok(state.services[`process:${s}`], `round ${round}: ${s} in the state file (seed ${seed})`);
    assert.equal(state.services['process:manual']?.monitoring, 'not monitored', `round ${round}: manual stays unmonitored`);
    const before = countLog(logMessages(log), /started: 4 services/);
    daemon = spawnTsmonit(['-c', file]);
    await waitFor(`tsmonit up again (round ${round})`, () => countLog(logMessages(log), /started: 4 services/) > before, { timeoutMs: 30000 });
  }
  for (const s of ['a', 'b', 'slow']) {
    await waitFor(`${s} running at the end`, () => liveInstances(dir, s).length === 1, { timeoutMs: 30000 });
  }
  await sleep(2000);
  clearInterval(watcher);
  assert.equal(twice, '', `two instances at once (seed ${seed}): ${twice}`);
  assert.equal(startedPids(dir, 'b').length, 1, 'b was started once in all');
  assert.equal(startedPids(dir, 'slow').length, 1, 'slow was started once in all');
  assert.equal(startedPids(dir, 'a').length, 1 + killsOfA, `a was started once, and once after each of its ${killsOfA} deaths (seed ${seed})`);
  assert.equal(startedPids(dir, 'manual').length, 1, 'manual was never started again');
  const final = await overSocket(`${dir}/tsmonit.sock`, 'GET', '/api/v1/services/manual');
  assert.match(JSON.stringify(final.json), /not monitored/);
  daemon.child.kill('SIGTERM');
  assert.equal(await daemon.exited, 0);
});
