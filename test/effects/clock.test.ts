import { test } from 'node:test';
import assert from 'node:assert/strict';
import { systemClock } from '../../src/effects/clock.ts';

test('now is the wall clock', () => {
  assert.ok(Math.abs(systemClock.now() - Date.now()) < 1000);
});

test('sleep waits, and an abort ends it early without rejecting', { timeout: 5000 }, async () => {
  const started = Date.now();
  await systemClock.sleep(30);
  assert.ok(Date.now() - started >= 25);

  const controller = new AbortController();
  const long = systemClock.sleep(60_000, controller.signal);
  setTimeout(() => controller.abort(), 10);
  await long; // would hold the test for a minute if abort did nothing
  await systemClock.sleep(60_000, AbortSignal.abort());
});
