import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childrenFilesSupported } from '../../../src/effects/proc/children.ts';
import { CpuBaseline } from '../../../src/effects/proc/cpu-percent.ts';
import { derivePageSizeSync, readBootTimeSync } from '../../../src/effects/proc/kernel.ts';
import { createProcessTable } from '../../../src/effects/proc/process-table.ts';
import { ProcReader, type ProcKernel } from '../../../src/effects/proc/proc-reader.ts';
import { createSnapshot } from '../../../src/effects/proc/snapshot.ts';
import { startFixture, waitFor, type Started } from '../support/processes.ts';

describe('process table on the real /proc', () => {
  const table = createProcessTable();
  const started: Started[] = [];
  after(async () => { await Promise.all(started.map((s) => s.stop())); });

  test('sees a child with its pid, ppid, command line, start time, threads and memory', async () => {
    const before = Date.now();
    const child = startFixture('hang.js', ['']);
    started.push(child);
    await child.line(/hanging (\d+)/);
    const snapshot = await table.snapshot();
    const info = snapshot.get(child.pid);
    assert.ok(info, 'child in snapshot');
    assert.equal(info.ppid, process.pid);
    assert.match(info.cmdline, /node .*hang\.js/);
    assert.ok(Math.abs(info.startTime - before) < 3000, `start time ${info.startTime} near ${before}`);
    assert.ok(info.threads >= 2, 'node runs several threads');
    assert.ok(info.rssBytes > 1024 * 1024);
    assert.equal(info.uid, process.getuid?.());
    assert.equal(info.euid, process.geteuid?.());
    assert.equal(info.gid, process.getgid?.());
    assert.ok(snapshot.memTotalBytes > info.rssBytes);
    assert.ok(snapshot.cores >= 1);
    assert.ok(snapshot.all().length >= 3);
    assert.equal(await table.startTimeOf(child.pid), info.startTime);
    // kernel threads (if visible) have no argv and show as [comm]
    for (const p of snapshot.all().filter((p) => p.ppid === 2)) assert.match(p.cmdline, /^\[.*\]$/);
  });

  test('descendants are found recursively, and a zombie shows as Z', async () => {
    // sh forks `sleep 0` in the background, then becomes `sleep 30`, which never reaps it.
    const shell = spawn('sh', ['-c', 'sleep 0 & exec sleep 30'], { stdio: 'ignore' });
    const top = spawn('sh', ['-c', `while kill -0 ${shell.pid} 2>/dev/null; do sleep 0.2; done`], { stdio: 'ignore' });
    try {
      const snapshot = await waitFor(async () => {
        const s = await table.snapshot();
        return s.descendants(shell.pid ?? -1).some((p) => p.state === 'Z') ? s : undefined;
      }, 'a zombie grandchild');
      const zombie = snapshot.descendants(shell.pid ?? -1).find((p) => p.state === 'Z');
      assert.ok(zombie);
      assert.equal(zombie.ppid, shell.pid);
      assert.equal(zombie.cmdline, '[sleep]');
      const mine = snapshot.descendants(process.pid).map((p) => p.pid);
      assert.ok(mine.includes(shell.pid ?? -1) && mine.includes(zombie.pid) && mine.includes(top.pid ?? -1));
      assert.deepEqual(snapshot.descendants(zombie.pid), []);
    } finally {
      shell.kill('SIGKILL');
      top.kill('SIGKILL');
    }
  });

  test('CPU percent is null on first sight, then a number; a busy loop shows high CPU', async () => {
    const busy = spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' });
    const pid = busy.pid ?? -1;
    try {
      const fresh = createProcessTable();
      const first = await fresh.snapshot();
      assert.equal(first.cpuPercent(pid), null);
      assert.equal(first.cpuPercent(process.pid), null);
      await new Promise((resolve) => setTimeout(resolve, 700));
      const second = await fresh.snapshot();
      const percent = second.cpuPercent(pid);
      assert.equal(typeof percent, 'number');
      assert.ok((percent ?? 0) > 25, `busy loop at ${percent}%`);
      assert.equal(second.get(pid)?.threads, 1);
      assert.equal(typeof second.cpuPercent(process.pid), 'number');
      assert.equal(second.cpuPercent(999_999_999), null);
    } finally {
      busy.kill('SIGKILL');
    }
  });

  test('isAlive, startTimeOf and signal on a dead pid', async () => {
    const child = startFixture('hang.js');
    await child.line(/hanging (\d+)/);
    assert.equal(table.isAlive(child.pid), true);
    assert.equal(table.signal(child.pid, 'SIGKILL'), true);
    await waitFor(() => child.child.exitCode !== null || child.child.signalCode !== null, 'child reaped');
    assert.equal(table.isAlive(child.pid), false);
    assert.equal(table.signal(child.pid, 'SIGTERM'), false);
    assert.equal(await table.startTimeOf(child.pid), null);
    assert.equal(table.isAlive(1), true, 'pid 1 exists (EPERM counts as alive too)');
  });

  test('never signals pid 0 or negative pids (our group, everything)', () => {
    assert.equal(table.signal(0, 'SIGTERM'), false);
    assert.equal(table.signal(-1, 'SIGTERM'), false);
    assert.equal(table.isAlive(0), false);
    assert.equal(table.isAlive(-1), false);
  });
});

test('a process that vanishes during the read is skipped silently (fake /proc)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'tsmonit-proc-'));
  try {
    await writeFile(join(root, 'stat'), 'cpu  1 2 3 4\nbtime 1700000000\n');
    await writeFile(join(root, 'meminfo'), 'MemTotal: 1000 kB\n');
    await mkdir(join(root, '10'));
    await writeFile(join(root, '10', 'stat'), '10 (my (odd) name) R 1 10 10 0 -1 0 0 0 0 0 50 50 0 0 20 0 3 0 200 0 7 0');
    await writeFile(join(root, '10', 'status'), 'Uid:\t5\t6\t6\t6\nGid:\t7\t7\t7\t7\n');
    await writeFile(join(root, '10', 'cmdline'), '');
    await mkdir(join(root, '11')); // gone: no files left
    await mkdir(join(root, 'self'));
    const snapshot = await createProcessTable({ procRoot: root, cores: 2 }).snapshot();
    assert.deepEqual(snapshot.all().map((p) => p.pid), [10]);
    assert.deepEqual(snapshot.get(10), {
      pid: 10, ppid: 1, startTime: 1_700_000_000_000 + 2000, state: 'R', uid: 5, euid: 6, gid: 7, threads: 3,
      cmdline: '[my (odd) name]', rssBytes: 7 * 4096, cpuTimeMs: 1000,
    });
    assert.equal(snapshot.memTotalBytes, 1000 * 1024);
    assert.equal(snapshot.cores, 2);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

describe('lazy snapshots', () => {
  const kernel = (childrenFiles: boolean): ProcKernel =>
    ({ procRoot: '/proc', bootTime: readBootTimeSync('/proc'), pageSize: derivePageSizeSync('/proc'), childrenFiles });
  const snapshotOf = (k: ProcKernel, baseline = new CpuBaseline()) =>
    createSnapshot({ reader: new ProcReader(k), at: Date.now(), cores: 2, memTotalBytes: 1, baseline, cycle: true });

  test('this kernel has children files (Linux 3.5+), so a cycle reads only what the checks ask for', () => {
    assert.equal(childrenFilesSupported('/proc', process.pid), true);
  });

  test('descendants from children files are those the whole table gives, threads and grandchildren included', async (t) => {
    // A multi-threaded node parent with a shell child that has two children of its own.
    const parent = spawn(process.execPath, ['-e', `require('child_process').spawn('sh', ['-c', 'sleep 100 & sleep 100 & wait'], { stdio: 'ignore' }); setInterval(() => {}, 1e9)`], { stdio: 'ignore' });
    t.after(() => { spawn('pkill', ['-KILL', '-P', String(parent.pid)]); parent.kill('SIGKILL'); });
    const pid = parent.pid ?? -1;
    const pidsOf = (k: ProcKernel) => snapshotOf(k).descendants(pid).map((p) => p.pid).sort((a, b) => a - b);
    await waitFor(async () => pidsOf(kernel(false)).length === 3 || undefined, 'three descendants');
    assert.ok((snapshotOf(kernel(true)).get(pid)?.threads ?? 0) > 1, 'node runs several threads');
    assert.deepEqual(pidsOf(kernel(true)), pidsOf(kernel(false)));
    assert.deepEqual(snapshotOf(kernel(true)).descendants(999_999_999), []);
  });

  test('a process is read once per snapshot: the same info, whoever asks', () => {
    const snapshot = snapshotOf(kernel(true));
    const info = snapshot.get(process.pid);
    assert.ok(info);
    assert.equal(snapshot.get(process.pid), info);
    assert.equal(snapshot.all().find((p) => p.pid === process.pid), info);
    assert.equal(snapshot.get(999_999_999), undefined);
  });

  test('a process read only every other cycle keeps its CPU baseline (checks every N cycles)', () => {
    const baseline = new CpuBaseline();
    const k = kernel(true);
    assert.equal(snapshotOf(k, baseline).cpuPercent(process.pid), null, 'first sight');
    snapshotOf(k, baseline); // a cycle that does not look at it
    for (let i = 0; i < 2e6; i++) Math.sqrt(i); // some CPU time, so the figure has a delta to measure
    assert.equal(typeof snapshotOf(k, baseline).cpuPercent(process.pid), 'number');
    assert.equal(baseline.size, 1, 'only what was read is remembered');
  });
});
