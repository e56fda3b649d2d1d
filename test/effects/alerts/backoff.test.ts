import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryDelay } from '../../../src/effects/alerts/backoff.ts';

test('retry delays double up to the cap, with jitter between half and all of it', () => {
  const policy = { minMs: 1000, maxMs: 8000 };
  const table: Array<[number, number, number]> = [[1, 500, 1000], [2, 1000, 2000], [3, 2000, 4000], [4, 4000, 8000], [5, 4000, 8000], [60, 4000, 8000]];
  for (const [attempt, low, high] of table) {
    assert.equal(retryDelay(policy, attempt, () => 0), low, `attempt ${attempt} low`);
    assert.equal(retryDelay(policy, attempt, () => 1), high, `attempt ${attempt} high`);
  }
  const spread = new Set(Array.from({ length: 50 }, () => retryDelay(policy, 3)));
  assert.ok(spread.size > 10, 'jitter spreads retries');
});
