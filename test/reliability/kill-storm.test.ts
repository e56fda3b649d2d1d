// 1. Kill storm: 100 SIGKILLs over about 60 s across 5 services under the real daemon. Every kill is
// followed by exactly one new start, never two live instances of one service, and tsmonit leaves no zombie
// child of its own (dead daemons are orphans: PID 1 owns them, and here it may not reap them).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { expand, tempDir } from '../helpers/harness.ts';
import { alive, pidFrom } from '../helpers/processes.ts';
import { spawnTsmonit, waitForLog } from '../helpers/tsmonit-process.ts';
import { sleep, waitFor } from '../helpers/wait.ts';
import { ageMs, killAll, liveInstances, seededRandom, sleepDaemonStart, startedPids, zombieChildren } from './support.ts';

const SERVICES = ['a', 'b', 'c', 'd', 'e'];
const KILLS = Number(process.env.KILLS ?? 100);
const SPAN_MS = Number(process.env.SPAN_MS ?? 60_000);

test('100 SIGKILLs across 5 services: each recovered once, never two at once, no zombie', { timeout: 360_000 }, async (t) => {
  const dir = tempDir();
  const file = `${dir}/monitrc.yml`;
  const checks = SERVICES.map((s) => `  - process: ${s}
    pidfile: \${DIR}/${s}.pid
    start: { program: "${sleepDaemonStart(s)}", timeout: 10s }`).join('\n');
  writeFileSync(file, expand(`daemon: 1s
log: \${DIR}/tsmonit.log
statefile: \${DIR}/state.json
control_socket: false
checks:
${checks}
`, dir), { mode: 0o600 });
  const daemon = spawnTsmonit(['-c', file]);
  t.after(() => {
    killAll([daemon.pid]);
    for (const s of SERVICES) killAll(startedPids(dir, s));
  });
  await waitForLog(`${dir}/tsmonit.log`, /started: 5 services/);
  for (const s of SERVICES) await waitFor(`${s} running`, () => alive(pidFrom(`${dir}/${s}.pid`)), { timeoutMs: 30000 });
  await sleep(1500); // a cycle to learn every identity

  const seed = Date.now() % 100_000;
  const random = seededRandom(seed);
  let twoAtOnce = '';
  const watcher = setInterval(() => {
    for (const s of SERVICES) {
      const live = liveInstances(dir, s);
      if (live.length > 1 && !twoAtOnce) twoAtOnce = `${s}: ${live.join(', ')}`;
    }
  }, 50);
  t.after(() => clearInterval(watcher));

  let kills = 0;
  const killed: string[] = [];
  const dead = new Set<number>();
  const began = Date.now();
  while (kills < KILLS) {
    const due = began + (kills * SPAN_MS) / KILLS;
    await sleep(Math.max(0, due - Date.now()));
    // A service that is up and known to tsmonit (running for a cycle and more): killing one that its start
    // is still waiting for would only make that start wait for its timeout.
    const up = SERVICES.filter((s) => {
      const pid = pidFrom(`${dir}/${s}.pid`);
      return pid !== null && !dead.has(pid) && alive(pid) && (ageMs(pid) ?? 0) > 1500;
    });
    if (up.length === 0) {
      await sleep(50);
      continue;
    }
    const victim = up[Math.floor(random() * up.length)]!;
    const pid = pidFrom(`${dir}/${victim}.pid`)!;
    killAll([pid]);
    dead.add(pid); // SIGKILL lands a moment later: never count one death twice
    killed.push(`${victim}:${pid}`);
    kills += 1;
  }
  for (const s of SERVICES) {
    await waitFor(`${s} recovered (seed ${seed})`, () => liveInstances(dir, s).length === 1, { timeoutMs: 30000 });
  }
  await sleep(3000); // a few more cycles: nothing else may start
  clearInterval(watcher);

  assert.equal(twoAtOnce, '', `two instances at once (seed ${seed}): ${twoAtOnce}`);
  const starts = SERVICES.reduce((n, s) => n + startedPids(dir, s).length, 0);
  const detail = SERVICES.map((s) => `${s}: killed ${killed.filter((k) => k.startsWith(`${s}:`)).map((k) => k.slice(2)).join(',')} started ${startedPids(dir, s).join(',')}`).join('\n');
  assert.equal(starts, SERVICES.length + KILLS, `one start per service plus one per kill (seed ${seed})\n${detail}`);
  for (const s of SERVICES) assert.equal(liveInstances(dir, s).length, 1, `${s} runs once at the end`);
  assert.ok(alive(daemon.pid), 'tsmonit survived');
  await waitFor('no zombie child of tsmonit', () => zombieChildren(daemon.pid).length === 0, { timeoutMs: 5000 });
  daemon.child.kill('SIGTERM');
  assert.equal(await daemon.exited, 0);
});
