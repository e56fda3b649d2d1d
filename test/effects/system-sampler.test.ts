import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import {
  createSystemSampler, cpuSplit, memoryFigures, parseCpuLine, parseLoad,
} from '../../src/effects/system-sampler.ts';
import { parseMeminfo } from '../../src/effects/proc/kernel.ts';

describe('system sampler parts', () => {
  test('the cpu line groups user+nice, system+irq+softirq, iowait', () => {
    const times = parseCpuLine('cpu  10 5 20 100 7 2 3 1 4 0\ncpu0 1 1 1 1 1 1 1 1 0 0\n');
    assert.deepEqual(times, { user: 15, system: 25, wait: 7, total: 148 });
    assert.equal(parseCpuLine('intr 1 2 3\n'), null);
  });

  test('cpu split is percent of all time since the previous sample', () => {
    const before = { user: 0, system: 0, wait: 0, total: 0 };
    assert.deepEqual(cpuSplit(before, { user: 30, system: 20, wait: 10, total: 200 }),
      { user: 15, system: 10, wait: 5, usage: 25 });
    assert.equal(cpuSplit(before, before), null);
  });

  test('memory used is total minus available; swap is total minus free', () => {
    const figures = memoryFigures(parseMeminfo(
      'MemTotal: 1000 kB\nMemFree: 100 kB\nMemAvailable: 250 kB\nSwapTotal: 400 kB\nSwapFree: 300 kB\n'));
    assert.deepEqual(figures, {
      memory: { bytes: 750 * 1024, percent: 75, totalBytes: 1000 * 1024 },
      swap: { bytes: 100 * 1024, percent: 25, totalBytes: 400 * 1024 },
    });
    const noSwap = memoryFigures(parseMeminfo('MemTotal: 10 kB\nMemAvailable: 10 kB\nSwapTotal: 0 kB\nSwapFree: 0 kB\n'));
    assert.deepEqual(noSwap.swap, { bytes: 0, percent: 0, totalBytes: 0 });
  });

  test('load average', () => {
    assert.deepEqual(parseLoad('0.50 1.25 2.00 1/234 5678\n'), [0.5, 1.25, 2]);
  });
});

test('real samples: cpu is null first, then percentages', async () => {
  const sampler = createSystemSampler();
  const first = await sampler.sample();
  assert.equal(first.cpu, null);
  assert.ok(first.memory.totalBytes > 0 && first.memory.bytes > 0);
  assert.ok(first.memory.percent > 0 && first.memory.percent < 100);
  assert.ok(first.load.every((n) => n >= 0));
  assert.ok(first.uptimeS > 0);
  assert.ok(Math.abs(first.bootTime + first.uptimeS * 1000 - Date.now()) < 5000);
  assert.equal(sampler.bootTime(), first.bootTime);
  assert.equal(sampler.hostname(), hostname());
  // Burn a little CPU so at least one tick passes.
  const until = Date.now() + 150;
  while (Date.now() < until) { /* spin */ }
  const second = await sampler.sample();
  assert.ok(second.cpu, 'cpu figures on the second sample');
  assert.ok(second.cpu.usage > 0 && second.cpu.usage <= 100.0001);
  assert.ok(Math.abs(second.cpu.usage - second.cpu.user - second.cpu.system) < 1e-9);
});
