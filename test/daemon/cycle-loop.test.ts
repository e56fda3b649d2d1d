// The cycle is a fixed rate: tick k at start + k * period, whatever a tick costs; wake() runs one now.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CycleLoop } from '../../src/daemon/cycle-loop.ts';
import { ManualClock } from '../helpers/manual-clock.ts';

test('ticks keep a fixed rate when a tick takes time', async () => {
  const clock = new ManualClock(0);
  const ticks: number[] = [];
  const loop = new CycleLoop(clock, () => 1000, async () => {
    ticks.push(clock.now());
    await clock.sleep(300); // each tick costs 300 ms
  });
  loop.start(0);
  for (let i = 0; i < 5; i++) await clock.advance(1000);
  const stopped = loop.stop();
  await clock.advance(300); // let the running tick finish
  await stopped;
  // "interval + time spent" would give 0, 1300, 2600, ...
  assert.deepEqual(ticks, [0, 1000, 2000, 3000, 4000, 5000]);
});

test('a slow tick skips missed ticks instead of bursting', async () => {
  const clock = new ManualClock(0);
  const ticks: number[] = [];
  let slow = true;
  const loop = new CycleLoop(clock, () => 1000, async () => {
    ticks.push(clock.now());
    if (slow) {
      slow = false;
      await clock.sleep(2500); // this tick takes 2.5 periods
    }
  });
  loop.start(0);
  await clock.advance(2500); // the slow tick ends at 2500
  await clock.advance(1000);
  await clock.advance(1000);
  await loop.stop();
  assert.deepEqual(ticks, [0, 3000, 4000], 'the ticks at 1000 and 2000 were skipped, the schedule kept');
});

test('start delay, then wake() runs the next tick at once', async () => {
  const clock = new ManualClock(0);
  const ticks: number[] = [];
  const loop = new CycleLoop(clock, () => 10_000, async () => {
    ticks.push(clock.now());
  });
  loop.start(5000);
  await clock.advance(4999);
  assert.deepEqual(ticks, []);
  await clock.advance(1);
  assert.deepEqual(ticks, [5000]);
  await clock.advance(2000);
  loop.wake();
  await clock.advance(0);
  assert.deepEqual(ticks, [5000, 7000]);
  await clock.advance(10_000);
  assert.deepEqual(ticks, [5000, 7000, 17_000], 'the schedule counts from the woken tick');
  await loop.stop();
});
