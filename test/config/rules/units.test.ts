import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDurationText, parseSizeText, unitOf } from '../../../src/config/rules/units.ts';

describe('durations', () => {
  const OK: Array<[string, number]> = [
    ['30', 30_000], ['500ms', 500], ['30s', 30_000], ['2m', 120_000], ['1h', 3_600_000], ['30 seconds', 30_000],
    ['2 minutes', 120_000], ['60 s', 60_000], ['1 day', 86_400_000], ['1.5s', 1500], ['1 month', 31 * 86_400_000],
  ];
  for (const [text, ms] of OK) test(text, () => assert.equal(parseDurationText(text), ms));
  for (const bad of ['', 'soon', '5 MB', '-1s', '1e3s', '5 parsecs', 's']) test(`not: '${bad}'`, () => assert.equal(parseDurationText(bad), undefined));
});

describe('sizes', () => {
  const OK: Array<[string, number]> = [
    ['512 B', 512], ['512', 512], ['64 KB', 65_536], ['64kb', 65_536], ['1.5 GB', 1_610_612_736], ['2 megabytes', 2_097_152], ['1 byte', 1],
  ];
  for (const [text, bytes] of OK) test(text, () => assert.equal(parseSizeText(text), bytes));
  for (const bad of ['big', '5 s', '10 KB/s', '5 furlongs']) test(`not: '${bad}'`, () => assert.equal(parseSizeText(bad), undefined));
});

describe('unit table', () => {
  test('kinds and factors', () => {
    assert.deepEqual(unitOf('%'), { kind: 'percent', factor: 1, perSecond: false });
    assert.deepEqual(unitOf('Percent'), { kind: 'percent', factor: 1, perSecond: false });
    assert.deepEqual(unitOf('GB'), { kind: 'bytes', factor: 1024 ** 3, perSecond: false });
    assert.deepEqual(unitOf('mb/s'), { kind: 'bytes', factor: 1024 ** 2, perSecond: true });
    assert.deepEqual(unitOf('months'), { kind: 'time', factor: 31 * 86_400, perSecond: false });
    assert.deepEqual(unitOf('packets/s'), { kind: 'packets', factor: 1, perSecond: true });
    assert.equal(unitOf('cycles'), undefined);
  });
});
