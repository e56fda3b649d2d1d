import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveOnReboot, restoreState } from '../../src/engine/restore.ts';
import { initialServiceState } from '../../src/engine/service-state.ts';
import type { OnReboot } from '../../src/model/service.ts';
import type { MonitoringState, RuleState, ServiceState } from '../../src/model/state.ts';
import { cpuRule, nonexistRule, processSpec } from './helpers.ts';

const spec = processSpec({ rules: [nonexistRule(), cpuRule(50)] });

function saved(monitoring: MonitoringState): ServiceState {
  return {
    ...initialServiceState(spec),
    monitoring,
    checks: 12,
    restarts: [11],
    restartsTotal: 4,
    identity: { pid: 42, startTime: 1000 },
    rules: {
      nonexist: { state: 'succeeded', history: '0', sinceFired: 0 },
      cpu: { state: 'failed', history: '1', sinceFired: 2 },
      removed: { state: 'failed', history: '1', sinceFired: 0 },
    },
  };
}

describe('restoreState', () => {
  test('nothing saved: the initial state', () => {
    assert.deepEqual(restoreState(spec, undefined, { rebooted: false, onreboot: 'start' }), initialServiceState(spec));
  });

  test('rules no longer in the spec are dropped; the rest is kept', () => {
    const r = restoreState(spec, saved('monitored'), { rebooted: false, onreboot: 'start' });
    assert.deepEqual(Object.keys(r.rules).sort(), ['cpu', 'nonexist']);
    assert.equal(r.rules['cpu']?.sinceFired, 2);
    assert.equal(r.checks, 12);
    assert.equal(r.restartsTotal, 4);
  });

  const table: Array<{ rebooted: boolean; onreboot: OnReboot; was: MonitoringState; now: MonitoringState; identity: boolean }> = [
    { rebooted: false, onreboot: 'start', was: 'monitored', now: 'monitored', identity: true },
    { rebooted: false, onreboot: 'nostart', was: 'monitored', now: 'monitored', identity: true },
    { rebooted: false, onreboot: 'start', was: 'not monitored', now: 'not monitored', identity: true },
    { rebooted: false, onreboot: 'laststate', was: 'waiting', now: 'waiting', identity: true },
    { rebooted: true, onreboot: 'start', was: 'not monitored', now: 'initializing', identity: false },
    { rebooted: true, onreboot: 'start', was: 'monitored', now: 'initializing', identity: false },
    { rebooted: true, onreboot: 'nostart', was: 'monitored', now: 'not monitored', identity: false },
    { rebooted: true, onreboot: 'laststate', was: 'not monitored', now: 'not monitored', identity: false },
    { rebooted: true, onreboot: 'laststate', was: 'monitored', now: 'monitored', identity: false },
  ];
  for (const c of table) {
    test(`rebooted=${c.rebooted} onreboot=${c.onreboot}: ${c.was} -> ${c.now}`, () => {
      const r = restoreState(spec, saved(c.was), { rebooted: c.rebooted, onreboot: c.onreboot });
      assert.equal(r.monitoring, c.now);
      assert.deepEqual(r.identity, c.identity ? { pid: 42, startTime: 1000 } : null);
    });
  }

  test('nostart after a reboot forgets what an unmonitored service would not keep', () => {
    const r = restoreState(spec, saved('monitored'), { rebooted: true, onreboot: 'nostart' });
    assert.deepEqual(r.rules, {});
    assert.deepEqual(r.restarts, []);
  });

  test('a damaged history keeps only its 0/1 characters, at most 64; a non-string is empty', () => {
    const damaged = (history: unknown): ServiceState => {
      const base = saved('monitored');
      return { ...base, rules: { ...base.rules, cpu: { ...base.rules['cpu']!, history: history as string } } };
    };
    const cases: Array<[unknown, string]> = [
      ['1x0 1', '101'],
      ['1'.repeat(100), '1'.repeat(64)],
      [`2${'0'.repeat(70)}`, '0'.repeat(64)],
      [42, ''],
      [null, ''],
      [undefined, ''],
      [[true, false], ''],
      ['0110', '0110'],
    ];
    for (const [history, want] of cases) {
      const r = restoreState(spec, damaged(history), { rebooted: false, onreboot: 'start' });
      assert.equal(r.rules['cpu']?.history, want, JSON.stringify(history));
      assert.equal(r.rules['cpu']?.sinceFired, 2);
    }
  });

  test('a saved rule that is not an object is dropped; missing rules are none', () => {
    const base = saved('monitored');
    const r = restoreState(spec, { ...base, rules: { ...base.rules, cpu: null as unknown as RuleState } }, { rebooted: false, onreboot: 'start' });
    assert.deepEqual(Object.keys(r.rules), ['nonexist']);
    const none = restoreState(spec, { ...base, rules: undefined as unknown as ServiceState['rules'] }, { rebooted: false, onreboot: 'start' });
    assert.deepEqual(none.rules, {});
  });

  test('name and type come from the spec', () => {
    const r = restoreState(spec, { ...saved('monitored'), name: 'old' }, { rebooted: false, onreboot: 'start' });
    assert.equal(r.name, 'web');
  });
});

describe('effectiveOnReboot', () => {
  const cases: Array<[Partial<Parameters<typeof processSpec>[0]>, OnReboot, OnReboot]> = [
    [{}, 'start', 'start'],
    [{}, 'nostart', 'nostart'],
    [{ onreboot: 'nostart' }, 'start', 'nostart'],
    [{ onreboot: 'laststate' }, 'nostart', 'laststate'],
    [{ mode: 'manual' }, 'start', 'laststate'],
    [{ mode: 'manual', onreboot: 'start' }, 'nostart', 'start'],
    [{ mode: 'passive' }, 'nostart', 'nostart'],
  ];
  for (const [over, global, expected] of cases) {
    test(`${JSON.stringify(over)} with global ${global} -> ${expected}`, () => {
      assert.equal(effectiveOnReboot(processSpec(over), global), expected);
    });
  }
});
