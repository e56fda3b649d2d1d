// The liveness watch polls kill(pid, 0) every 100 ms and does the dearer zombie check (a /proc read) once per
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
    ...(table.taskTableToken ? { taskTableToken: table.taskTableToken } : {}),
  } as unknown as ProcessTable;
  const deps = { clock, processTable, livenessIntervalMs: 500 } as unknown as DaemonDeps;
  const t0 = clock.now();
  const runtimes = Array.from({ length: services }, (_, i) => runtime(i === 0 ? 'web' : `s${i}`, 42 + i));
  const watch = new LivenessWatch(deps, () => runtimes, (name) => deaths.push({ name, at: clock.now() - t0 }));
  return { clock, deaths, calls, watch, runtimes };
}

test('a PID that is gone is seen at the next 100 ms tick; the zombie check runs once per interval', async () => {
  let gone = false;
  const { clock, deaths, calls, watch } = setup({ exists: () => !gone, isAlive: () => !gone });
  watch.start();
  await clock.advance(1000);
  assert.deepEqual(deaths, []);
  assert.equal(calls.isAlive, 2, 'full checks: one per 500 ms');
  assert.equal(calls.exists, 8, 'kill(pid, 0) on the other ticks');
  gone = true;
  await clock.advance(100);
  assert.deepEqual(deaths, [{ name: 'web', at: 1100 }]);
  watch.stop();
});

test('a zombie (kill(0) still succeeds) is seen by the check once per interval', async () => {
  const { clock, deaths, watch } = setup({ exists: () => true, isAlive: () => false });
  watch.start();
  await clock.advance(400);
  assert.deepEqual(deaths, [], 'not by kill(pid, 0)');
  await clock.advance(100);
  assert.deepEqual(deaths, [{ name: 'web', at: 500 }]);
  watch.stop();
});

test('a table without exists() is polled with isAlive() at the interval', async () => {
  const { clock, deaths, calls, watch } = setup({ isAlive: () => false });
  watch.start();
  await clock.advance(499);
  assert.equal(calls.isAlive, 0);
  await clock.advance(1);
  assert.deepEqual(deaths, [{ name: 'web', at: 500 }]);
  watch.stop();
});

test('with many services the kill(pid, 0) pass is spread out to about 2000 calls a second', async () => {
  const { clock, deaths, calls, watch } = setup({ exists: () => true, isAlive: () => true }, 250);
  watch.start();
  await clock.advance(1000);
  assert.deepEqual(deaths, []);
  // 250 services: a pass every 125 ms, 8 in a second; every fourth one is the zombie check (interval 500 ms here)
  assert.equal(calls.exists + calls.isAlive, 8 * 250);
  assert.equal(calls.isAlive, 2 * 250);
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
  assert.equal(calls.isAlive, 2, 'only the unchecked service gets the zombie read, once per 500 ms');
  zombie = true; // both are zombies now: only the unchecked one is seen by the watch; a check sees the other
  for (let t = 0; t < 500; t += 100) {
    checked.state.lastCheck = clock.now();
    await clock.advance(100);
  }
  assert.deepEqual(deaths.map((d) => d.name), [unchecked.spec.name]);
  watch.stop();
});

test('a replaced state is looked at afresh: a new PID, an unmonitored service; stop() ends the passes', async () => {
  const pids: number[] = [];
  const { clock, calls, watch, runtimes } = setup({ exists: (pid) => (pids.push(pid), true), isAlive: () => true });
  const web = runtimes[0]!;
  watch.start();
  await clock.advance(100);
  assert.deepEqual([...new Set(pids)], [42]);
  web.state = { ...web.state, identity: { pid: 77, startTime: 2 } } as ServiceRuntime['state'];
  pids.length = 0;
  await clock.advance(100);
  assert.deepEqual([...new Set(pids)], [77], 'the new PID, not the one remembered');
  web.state = { ...web.state, monitoring: 'not monitored' } as ServiceRuntime['state'];
  const before = calls.exists + calls.isAlive;
  await clock.advance(1000);
  assert.equal(calls.exists + calls.isAlive, before, 'an unmonitored service is not looked at');
  web.state = { ...web.state, monitoring: 'monitored' } as ServiceRuntime['state'];
  watch.stop();
  await clock.advance(1000);
  assert.equal(calls.exists + calls.isAlive, before, 'no pass after stop()');
  assert.equal(clock.pendingSleeps(), 0);
});

test('while no task comes or goes (the task table token stays), a PID seen alive is not asked again', async () => {
  let token = 'a';
  const asked: number[] = [];
  const { clock, deaths, calls, watch, runtimes } = setup({
    exists: (pid) => (asked.push(pid), pid !== 43 || token === 'a'),
    isAlive: () => true,
    taskTableToken: () => token,
  }, 2);
  const [web, other] = runtimes as [ServiceRuntime, ServiceRuntime];
  watch.start();
  await clock.advance(100);
  assert.deepEqual(asked, [42, 43], 'the first pass asks every PID');
  // both checked now and then, so the zombie check leaves them to their checks
  for (let t = 0; t < 1000; t += 100) {
    web.state.lastCheck = other.state.lastCheck = clock.now();
    await clock.advance(100);
  }
  assert.deepEqual(asked, [42, 43], 'a quiet task table: no kill(pid, 0) for a second');
  assert.equal(calls.isAlive, 0);
  // a new state with another PID is asked at once, though the token did not move
  web.state = { ...web.state, identity: { pid: 52, startTime: 3 } } as ServiceRuntime['state'];
  web.state.lastCheck = other.state.lastCheck = clock.now();
  await clock.advance(100);
  assert.deepEqual(asked, [42, 43, 52]);
  // a task went away (43): the token moves, every PID is asked again, the death is seen at that tick
  token = 'b';
  web.state.lastCheck = other.state.lastCheck = clock.now();
  await clock.advance(100);
  assert.deepEqual(asked, [42, 43, 52, 52, 43]);
  assert.deepEqual(deaths.map((d) => d.name), ['s1']);
  watch.stop();
});

test('a quiet task table does not skip the zombie check of a service no check has looked at', async () => {
  let zombie = false;
  const { clock, deaths, calls, watch } = setup({ exists: () => true, isAlive: () => !zombie, taskTableToken: () => 'same' });
  watch.start();
  await clock.advance(1000);
  assert.equal(calls.exists, 1, 'asked once, then known alive while the token stays');
  assert.equal(calls.isAlive, 2, 'the zombie read still runs once per interval');
  zombie = true;
  await clock.advance(500);
  assert.deepEqual(deaths, [{ name: 'web', at: 1500 }]);
  watch.stop();
});
