import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cronMatches, isDue } from '../../src/engine/schedule.ts';
import { initialServiceState } from '../../src/engine/service-state.ts';
import type { ServiceState } from '../../src/model/state.ts';
import { processSpec } from './helpers.ts';

/** Local time, as cron strings mean it. */
const at = (h: number, m: number, s = 0) => new Date(2024, 0, 1, h, m, s).getTime(); // a Monday

function monitoredState(): ServiceState {
  return { ...initialServiceState(processSpec()), monitoring: 'monitored' };
}

describe('every N cycles', () => {
  test('due when cycle % N === 0, counting from 0', () => {
    const spec = processSpec({ every: { kind: 'cycles', cycles: 3 } });
    const due = [0, 1, 2, 3, 4, 5, 6].map((c) => isDue(spec, monitoredState(), c, at(10, 0)).due);
    assert.deepEqual(due, [true, false, false, true, false, false, true]);
  });

  test('no schedule: always due', () => {
    assert.ok([0, 1, 7].every((c) => isDue(processSpec(), monitoredState(), c, at(10, 0)).due));
  });

  test('a skipped monitored service shows waiting; other states stay', () => {
    const spec = processSpec({ every: { kind: 'cycles', cycles: 2 } });
    assert.equal(isDue(spec, monitoredState(), 1, at(10, 0)).state.monitoring, 'waiting');
    assert.equal(isDue(spec, monitoredState(), 2, at(10, 0)).state.monitoring, 'monitored');
    const init = initialServiceState(spec);
    assert.equal(isDue(spec, init, 1, at(10, 0)).state.monitoring, 'initializing');
    const off = { ...init, monitoring: 'not monitored' as const };
    assert.equal(isDue(spec, off, 1, at(10, 0)).state.monitoring, 'not monitored');
  });
});

describe('every "cron"', () => {
  test('due at most once per matching minute', () => {
    const spec = processSpec({ every: { kind: 'cron', cron: '*/5 9-17 * * 1-5' } });
    let state = monitoredState();
    const results: boolean[] = [];
    for (const t of [at(10, 5, 0), at(10, 5, 30), at(10, 6, 0), at(10, 10, 1), at(18, 0, 0)]) {
      const r = isDue(spec, state, 0, t);
      results.push(r.due);
      state = r.state;
    }
    assert.deepEqual(results, [true, false, false, true, false]);
  });

  test('the run minute is kept in state', () => {
    const spec = processSpec({ every: { kind: 'cron', cron: '* * * * *' } });
    const r = isDue(spec, monitoredState(), 0, at(10, 5, 20));
    assert.equal(r.state.lastCronMinute, Math.floor(at(10, 5) / 60_000));
  });

  test('day of month and day of week must both match (monit)', () => {
    assert.equal(cronMatches('0 9 1 * 1', at(9, 0)), true);
    assert.equal(cronMatches('0 9 2 * 1', at(9, 0)), false);
  });

  test('an invalid pattern never stops a check', () => {
    assert.equal(cronMatches('not a cron', at(9, 0)), null);
    assert.equal(isDue(processSpec({ every: { kind: 'cron', cron: 'nope' } }), monitoredState(), 1, at(9, 0)).due, true);
    assert.equal(isDue(processSpec({ notEvery: 'nope' }), monitoredState(), 1, at(9, 0)).due, true);
  });
});

describe('not every "cron"', () => {
  test('not due while the time matches', () => {
    const spec = processSpec({ notEvery: '0-14 3 * * *' });
    assert.equal(isDue(spec, monitoredState(), 0, at(3, 10)).due, false);
    assert.equal(isDue(spec, monitoredState(), 0, at(3, 10)).state.monitoring, 'waiting');
    assert.equal(isDue(spec, monitoredState(), 0, at(3, 15)).due, true);
  });

  test('combines with every N cycles', () => {
    const spec = processSpec({ notEvery: '* 3 * * *', every: { kind: 'cycles', cycles: 2 } });
    assert.equal(isDue(spec, monitoredState(), 2, at(3, 0)).due, false);
    assert.equal(isDue(spec, monitoredState(), 2, at(4, 0)).due, true);
    assert.equal(isDue(spec, monitoredState(), 1, at(4, 0)).due, false);
  });
});
