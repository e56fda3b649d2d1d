// The liveness watch polls kill(pid, 0) every 50 ms and does the dearer zombie check (a /proc read) once per
// interval (daemon/liveness.ts, from the recovery benchmark). Pure: a manual clock and a scripted table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LivenessWatch } from '../../src/daemon/liveness.ts';
import type { DaemonDeps } from '../../src/daemon/deps.ts';
import type { ServiceRuntime } from '../../src/daemon/runtime.ts';
import type { ProcessTable } from '../../src/model/ports.ts';
import { ManualClock } from '../helpers/manual-clock.ts';

function runtime(name: string, pid: number): ServiceRuntime {
  return {
    spec: { type: 'process', name } as ServiceRuntime['spec'],
    state: { monitoring: 'monitored', identity: { pid, startTime: 1 }, lastCheck: null } as unknown as ServiceRuntime['state'],
    checking: null, pending: null, pendingDone: null, lastObservation: null, nextCheck: null, lastCheckMs: null, generation: 0,
  };
}

function setup(table: Partial<ProcessTable>, services = 1) {
  const clock = new ManualClock();
  const deaths: Array<{ name: string; at: number }> = [];
  const calls = { exists: 0, isAlive: 0 };
  const processTable = {
    isAlive: (pid: number) => (calls.isAlive++, table.isAlive!(pid)),
    ...(table.exists ? { exists: (pid: number) => (calls.exists++, table.exists!(pid)) } : {}),
  } as unknown as ProcessTable;
  const deps = { clock, processTable, livenessIntervalMs: 250 } as unknown as DaemonDeps;
  const t0 = clock.now();
  const runtimes = Array.from({ length: services }, (_, i) => runtime(i === 0 ? 'web' : `s${i}`, 42 + i));
  const watch = new LivenessWatch(deps, () => runtimes, (name) => deaths.push({ name, at: clock.now() - t0 }));
  return { clock, deaths, calls, watch, runtimes };
}

test('a PID that is gone is seen at the next 50 ms tick; the zombie check runs once per interval', async () => {
  let gone = false;
  const { clock, deaths, calls, watch } = setup({ exists: () => !gone, isAlive: () => !gone });
  watch.start();
  await clock.advance(1000);
  assert.deepEqual(deaths, []);
  assert.equal(calls.isAlive, 4, 'full checks: one per 250 ms');
  assert.equal(calls.exists, 16, 'kill(pid, 0) on the other ticks');
  gone = true;
  await clock.advance(50);
  assert.deepEqual(deaths, [{ name: 'web', at: 1050 }]);
  watch.stop();
});

test('a zombie (kill(0) still succeeds) is seen by the check once per interval', async () => {
  const { clock, deaths, watch } = setup({ exists: () => true, isAlive: () => false });
  watch.start();
  await clock.advance(200);
  assert.deepEqual(deaths, [], 'not by kill(pid, 0)');
  await clock.advance(50);
  assert.deepEqual(deaths, [{ name: 'web', at: 250 }]);
  watch.stop();
});

test('a table without exists() is polled with isAlive() at the interval', async () => {
  const { clock, deaths, calls, watch } = setup({ isAlive: () => false });
  watch.start();
  await clock.advance(249);
  assert.equal(calls.isAlive, 0);
  await clock.advance(1);
  assert.deepEqual(deaths, [{ name: 'web', at: 250 }]);
  watch.stop();
});

test('with many services the kill(pid, 0) pass is spread out to about 2000 calls a second', async () => {
  const { clock, deaths, calls, watch } = setup({ exists: () => true, isAlive: () => true }, 250);
  watch.start();
  await clock.advance(1000);
  assert.deepEqual(deaths, []);
  // 250 services: a pass every 125 ms, 8 in a second; every second one is the zombie check (interval 250 ms here)
  assert.equal(calls.exists + calls.isAlive, 8 * 250);
  assert.equal(calls.isAlive, 4 * 250);
  watch.stop();
});

test('a service checked within the interval skips the zombie read: its check read that stat line', async () => {
  let zombie = false;
  const { clock, deaths, calls, watch, runtimes } = setup({ exists: () => true, isAlive: () => !zombie }, 2);
  const [checked, unchecked] = runtimes as [ServiceRuntime, ServiceRuntime];
  watch.start();
  // `checked` is checked every 100 ms (as a cycle would), `unchecked` never
  for (let t = 0; t < 1000; t += 100) {
    checked.state.lastCheck = clock.now();
    await clock.advance(100);
  }
  assert.equal(calls.isAlive, 4, 'only the unchecked service gets the zombie read, once per 250 ms');
  zombie = true; // both are zombies now: only the unchecked one is seen by the watch; a check sees the other
  for (let t = 0; t < 300; t += 100) {
    checked.state.lastCheck = clock.now();
    await clock.advance(100);
  }
  assert.deepEqual(deaths.map((d) => d.name), [unchecked.spec.name]);
  watch.stop();
});
