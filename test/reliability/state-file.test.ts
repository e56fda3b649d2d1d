// 5. The state file corrupt, truncated, on a read-only mount and on a full disk: tsmonit keeps running, logs
// the problem once, and keeps every bit of monitoring state it can (a service the user unmonitored stays so).
// The mounts are small tmpfs (root only): in CI (CI=true, as root) they must run; elsewhere without root they
// are skipped with a message.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import { startMonitor, tempDir, type Harness } from '../helpers/harness.ts';
import { sleep, waitFor } from '../helpers/wait.ts';
import { decodeState } from '../../src/effects/state-store.ts';

const isRoot = process.getuid?.() === 0;
const inCi = process.env.CI === 'true';
const mountsSkip = isRoot ? false : `tmpfs mounts need root${inCi ? ' (CI should run as root)' : ''}: skipped`;

const TEMPLATE = (statefile: string) => `
daemon: 500ms
statefile: ${statefile}
control_socket: false
checks:
  - process: steady
    pidfile: \${DIR}/steady.pid
    rules:
      - if cpu > 95% for 3 cycles then alert
  - process: manual
    pidfile: \${DIR}/manual.pid
    rules:
      - if cpu > 95% for 3 cycles then alert
`;

function stateProblems(h: Harness): string[] {
  return h.logger.lines.filter((l) => /state file/.test(l));
}

async function cycles(h: Harness, n: number): Promise<void> {
  let seen = 0;
  const off = h.monitor.onCycle(() => (seen += 1));
  try {
    await waitFor(`${n} cycles`, () => seen >= n, { timeoutMs: 20000 });
  } finally {
    off();
  }
}

/** A first run that leaves a state file in which the user unmonitored 'manual'. */
async function runWithUnmonitored(dir: string, statefile: string): Promise<void> {
  const h = await startMonitor(TEMPLATE(statefile), { dir });
  await cycles(h, 2);
  await h.monitor.act({ action: 'unmonitor', services: ['manual'] });
  await cycles(h, 1);
  await h.quit();
}

function mountTmpfs(t: TestContext, at: string, size: string): void {
  mkdirSync(at, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', at]);
  t.after(() => {
    try {
      execFileSync('umount', ['-l', at]);
    } catch {
      // already gone
    }
  });
}

for (const [what, damage] of [
  ['corrupt', (file: string) => writeFileSync(file, '\u0000\u0001{garbage: not json]]\n')],
  ['truncated', (file: string) => truncateSync(file, Math.floor(readFileSync(file, 'utf8').length / 2))],
] as const) {
  test(`a ${what} state file is logged once and replaced; tsmonit runs on`, async (t) => {
    const dir = tempDir();
    const statefile = `${dir}/state.json`;
    await runWithUnmonitored(dir, statefile);
    damage(statefile);
    const h = await startMonitor(TEMPLATE(statefile), { dir });
    t.after(() => h.cleanup());
    await cycles(h, 3);
    const problems = stateProblems(h);
    assert.equal(problems.length, 1, `logged once: ${problems.join(' / ')}`);
    assert.match(problems[0]!, /starting with fresh state/);
    await waitFor('a whole state file again', () => 'state' in decodeState(readFileSync(statefile, 'utf8')));
    assert.equal(h.monitor.service('steady')?.monitoring, 'monitored', 'monitoring goes on');
  });
}

test('a state file on a read-only mount: restored, saves fail once in the log, monitoring goes on', { skip: mountsSkip }, async (t) => {
  const dir = tempDir();
  const mnt = `${dir}/mnt`;
  mountTmpfs(t, mnt, '1m');
  const statefile = `${mnt}/state.json`;
  await runWithUnmonitored(dir, statefile);
  execFileSync('mount', ['-o', 'remount,ro', mnt]);
  const h = await startMonitor(TEMPLATE(statefile), { dir });
  t.after(() => h.cleanup());
  assert.equal(h.monitor.service('manual')?.monitoring, 'not monitored', 'the saved state is restored from the read-only file');
  await cycles(h, 6);
  await h.monitor.act({ action: 'monitor', services: ['steady'] }); // a change that must be saved
  await cycles(h, 2);
  const failures = h.logger.lines.filter((l) => /cannot save the state file/.test(l));
  assert.equal(failures.length, 1, `logged once: ${failures.join(' / ')}`);
  assert.match(failures[0]!, /EROFS|read-only/i);
  assert.equal(h.monitor.service('steady')?.monitoring, 'monitored');
  assert.ok(h.monitor.service('steady')?.lastCheck, 'checks go on');

  execFileSync('mount', ['-o', 'remount,rw', mnt]);
  await waitFor('saved once writable again', () => h.logger.lines.some((l) => /state file is writable again/.test(l)), { timeoutMs: 10000 });
  const saved = decodeState(readFileSync(statefile, 'utf8'));
  assert.ok('state' in saved && saved.state.services['process:manual']?.monitoring === 'not monitored');
});

test('a state file on a full disk: the old file stays whole, saves fail once in the log, and resume', { skip: mountsSkip }, async (t) => {
  const dir = tempDir();
  const mnt = `${dir}/mnt`;
  mountTmpfs(t, mnt, '256k');
  const statefile = `${mnt}/state.json`;
  await runWithUnmonitored(dir, statefile);
  const before = readFileSync(statefile, 'utf8');
  try {
    writeFileSync(`${mnt}/filler`, Buffer.alloc(1024 * 1024, 1));
  } catch {
    // ENOSPC: the disk is full now, as intended
  }
  const h = await startMonitor(TEMPLATE(statefile), { dir });
  t.after(() => h.cleanup());
  assert.equal(h.monitor.service('manual')?.monitoring, 'not monitored', 'the saved state is restored');
  await cycles(h, 6);
  const failures = h.logger.lines.filter((l) => /cannot save the state file/.test(l));
  assert.equal(failures.length, 1, `logged once: ${failures.join(' / ')}`);
  assert.match(failures[0]!, /ENOSPC|no space/i);
  assert.equal(readFileSync(statefile, 'utf8'), before, 'the old state file is untouched, never torn');
  assert.deepEqual(readdirSync(mnt).filter((f) => f.endsWith('.tmp')), [], 'no temporary file left behind');

  rmSync(`${mnt}/filler`);
  await waitFor('saved once there is room', () => h.logger.lines.some((l) => /state file is writable again/.test(l)), { timeoutMs: 10000 });
  await sleep(600);
  const saved = decodeState(readFileSync(statefile, 'utf8'));
  assert.ok('state' in saved, 'a whole state file');
  assert.equal(saved.state.services['process:manual']?.monitoring, 'not monitored');
});
