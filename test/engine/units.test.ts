import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBytes, formatNumber, formatValue } from '../../src/engine/units.ts';

test('numbers: one decimal, trailing zeros dropped', () => {
  assert.equal(formatNumber(50), '50');
  assert.equal(formatNumber(73.25), '73.3');
  assert.equal(formatNumber(0.125, 2), '0.13');
});

test('bytes in powers of 1024', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 kB');
  assert.equal(formatBytes(100 * 1024 * 1024), '100 MB');
  assert.equal(formatBytes(3 * 1024 ** 3), '3 GB');
});

test('values by unit', () => {
  assert.equal(formatValue(12.04, 'percent'), '12%');
  assert.equal(formatValue(3.7, 'count'), '4');
  assert.equal(formatValue(1.256, 'load'), '1.26');
  assert.equal(formatValue(2048, 'bytes'), '2 kB');
});
