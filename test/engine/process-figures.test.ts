import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { processFigures } from '../../src/engine/process-figures.ts';
import { T0, fakeSnapshot, proc } from './helpers.ts';

const MB = 1024 * 1024;
const table = [
  proc({ pid: 10, startTime: T0 - 90_500, rssBytes: 100 * MB, threads: 3, uid: 33 }),
  proc({ pid: 11, ppid: 10, rssBytes: 20 * MB }),
  proc({ pid: 12, ppid: 11, rssBytes: 30 * MB }),
  proc({ pid: 13, ppid: 1, rssBytes: 999 * MB }),
];

describe('processFigures', () => {
  test('children are all descendants; totals add their memory and CPU', () => {
    const snap = fakeSnapshot(table, { memTotalBytes: 1000 * MB, cpu: { 10: 20, 11: 10, 12: null } });
    const f = processFigures(table[0]!, snap);
    assert.equal(f.children, 2);
    assert.equal(f.uptimeS, 90);
    assert.equal(f.memoryBytes, 100 * MB);
    assert.equal(f.memoryTotalBytes, 150 * MB);
    assert.equal(f.memoryPercent, 10);
    assert.equal(f.memoryTotalPercent, 15);
    assert.equal(f.cpuPercent, 20);
    assert.equal(f.cpuTotalPercent, 30);
    assert.equal(f.threads, 3);
    assert.equal(f.uid, 33);
  });

  test('total CPU is capped at 100% and null while the own figure is collecting', () => {
    const busy = processFigures(table[0]!, fakeSnapshot(table, { cpu: { 10: 80, 11: 70 } }));
    assert.equal(busy.cpuTotalPercent, 100);
    const collecting = processFigures(table[0]!, fakeSnapshot(table, { cpu: { 11: 70 } }));
    assert.equal(collecting.cpuPercent, null);
    assert.equal(collecting.cpuTotalPercent, null);
  });

  test('no memory total known: percentages are 0, not NaN', () => {
    const f = processFigures(table[0]!, fakeSnapshot(table, { memTotalBytes: 0 }));
    assert.equal(f.memoryPercent, 0);
  });
});
