import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpuPercent } from '../../../src/effects/proc/cpu-percent.ts';

test('cpu percent follows monit: relative to min(threads, cores) CPUs', () => {
  const before = { cpuTimeMs: 1000, monotonicMs: 0 };
  const cases = [
    { cpu: 1500, wall: 1000, threads: 1, cores: 4, expect: 50 },
    { cpu: 2000, wall: 1000, threads: 2, cores: 4, expect: 50 },
    { cpu: 3000, wall: 1000, threads: 8, cores: 4, expect: 50 },
    { cpu: 1000, wall: 1000, threads: 1, cores: 4, expect: 0 },
    { cpu: 1200, wall: 100, threads: 1, cores: 4, expect: 100 }, // capped
    { cpu: 900, wall: 1000, threads: 1, cores: 4, expect: 0 }, // never negative
  ];
  for (const c of cases) {
    assert.equal(cpuPercent(before, { cpuTimeMs: c.cpu, monotonicMs: c.wall }, c.threads, c.cores), c.expect,
      JSON.stringify(c));
  }
  assert.equal(cpuPercent(before, { cpuTimeMs: 1500, monotonicMs: 0 }, 1, 4), null);
});
