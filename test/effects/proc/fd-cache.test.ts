import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { ProcFdCache } from '../../../src/effects/proc/fd-cache.ts';
import { waitFor } from '../support/processes.ts';

/** Our descriptors open on /proc/PID/stat of these PIDs (other descriptors come and go with the runtime). */
const statFds = (...pids: number[]): number => readdirSync('/proc/self/fd').filter((fd) => {
  try {
    return pids.some((pid) => readlinkSync(`/proc/self/fd/${fd}`) === `/proc/${pid}/stat`);
  } catch {
    return false;
  }
}).length;

test('a kept descriptor reads afresh each time, and a dead process reads as null and is closed', async () => {
  const child = spawn('sh', ['-c', 'sleep 0.3; exec sleep 100'], { stdio: 'ignore' });
  const pid = child.pid ?? -1;
  const cache = new ProcFdCache('/proc');
  try {
    assert.match(cache.readStat(pid, 0) ?? '', /\(sh\)/);
    assert.equal(cache.size, 1);
    assert.equal(statFds(pid), 1, 'kept open');
    // The same descriptor sees the exec: it reads the file again, it does not replay the first text.
    await waitFor(() => /\(sleep\)/.test(cache.readStat(pid, 0) ?? ''), 'the exec seen through the kept descriptor');
    assert.equal(statFds(pid), 1, 'no second descriptor');
    assert.equal(cache.readChildren(pid), '');
    child.kill('SIGKILL');
    await waitFor(() => child.exitCode !== null || child.signalCode !== null, 'reaped');
    assert.equal(cache.readStat(pid, 0), null);
    assert.equal(cache.size, 0);
    assert.equal(statFds(pid), 0, 'closed once its process is gone');
  } finally {
    child.kill('SIGKILL');
    cache.closeAll();
  }
});

test('descriptors are kept within the budget and closed when idle', () => {
  const cache = new ProcFdCache('/proc', 1);
  assert.ok(cache.readStat(process.pid, 0));
  assert.ok(cache.readStat(process.ppid, 0), 'read even past the budget');
  assert.equal(cache.size, 1);
  assert.equal(statFds(process.pid, process.ppid), 1);
  cache.sweep(30_000);
  assert.equal(cache.size, 1, 'used 30 s ago: kept');
  cache.sweep(61_000);
  assert.equal(cache.size, 0, 'idle for over a minute: closed');
  assert.equal(statFds(process.pid, process.ppid), 0);
  assert.equal(cache.readStat(999_999_999, 0), null);
});
