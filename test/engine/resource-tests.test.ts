import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCheck } from '../../src/engine/check.ts';
import { resourceOutcome } from '../../src/engine/resource-tests.ts';
import type { Observation } from '../../src/model/observation.ts';
import type { Operator, ResourceName, ResourceUnit } from '../../src/model/rule.ts';
import type { ServiceType } from '../../src/model/service.ts';
import { T0, cpuRule, figures, monitored, procObs, processSpec, sysObs, systemSample } from './helpers.ts';

interface Case {
  name: string;
  type: ServiceType;
  resource: ResourceName;
  unit: ResourceUnit;
  op: Operator;
  value: number;
  obs: Observation;
  perCore?: boolean;
  /** true/false: failed; 'skip': skipped. */
  expect: boolean | 'skip';
  message?: RegExp;
}

const proc = (over: Parameters<typeof figures>[0]) => procObs(figures(over));
const sys = (over: Parameters<typeof systemSample>[0]) => sysObs(systemSample(over));

const cases: Case[] = [
  { name: 'process cpu over', type: 'process', resource: 'cpu', unit: 'percent', op: '>', value: 50, obs: proc({ cpuPercent: 73.25 }), expect: true, message: /^cpu usage of 73.3% matches resource limit \[cpu > 50%\]$/ },
  { name: 'process cpu under', type: 'process', resource: 'cpu', unit: 'percent', op: '>', value: 50, obs: proc({ cpuPercent: 12 }), expect: false, message: /cpu usage check succeeded \[current cpu usage = 12%\]/ },
  { name: 'process cpu collecting', type: 'process', resource: 'cpu', unit: 'percent', op: '>', value: 50, obs: proc({ cpuPercent: null }), expect: 'skip' },
  { name: 'total cpu', type: 'process', resource: 'totalcpu', unit: 'percent', op: '>=', value: 90, obs: proc({ cpuTotalPercent: 90 }), expect: true },
  { name: 'total cpu collecting', type: 'process', resource: 'totalcpu', unit: 'percent', op: '>', value: 90, obs: proc({ cpuTotalPercent: null }), expect: 'skip' },
  { name: 'memory percent', type: 'process', resource: 'memory', unit: 'percent', op: '>', value: 4, obs: proc({ memoryPercent: 5 }), expect: true },
  { name: 'memory bytes', type: 'process', resource: 'memory', unit: 'bytes', op: '>', value: 200 * 1024 ** 2, obs: proc({ memoryBytes: 100 * 1024 ** 2 }), expect: false },
  { name: 'memory bytes in words', type: 'process', resource: 'memory', unit: 'bytes', op: '>', value: 50 * 1024 ** 2, obs: proc({ memoryBytes: 100 * 1024 ** 2 }), expect: true, message: /memory usage of 100 MB matches resource limit \[memory > 50 MB\]/ },
  { name: 'total memory percent', type: 'process', resource: 'totalmemory', unit: 'percent', op: '<', value: 10, obs: proc({ memoryTotalPercent: 7.5 }), expect: true },
  { name: 'total memory bytes', type: 'process', resource: 'totalmemory', unit: 'bytes', op: '=', value: 150 * 1024 ** 2, obs: proc({ memoryTotalBytes: 150 * 1024 ** 2 }), expect: true },
  { name: 'children', type: 'process', resource: 'children', unit: 'count', op: '>', value: 2, obs: proc({ children: 3 }), expect: true, message: /children of 3 matches resource limit \[children > 2\]/ },
  { name: 'threads', type: 'process', resource: 'threads', unit: 'count', op: '!=', value: 4, obs: proc({ threads: 4 }), expect: false },
  { name: 'file descriptors: no figure yet', type: 'process', resource: 'filedescriptors', unit: 'count', op: '>', value: 1, obs: proc({}), expect: 'skip' },
  { name: 'cpu user is not a process figure', type: 'process', resource: 'cpuuser', unit: 'percent', op: '>', value: 1, obs: proc({}), expect: 'skip' },
  { name: 'loadavg in a process check without a system sample', type: 'process', resource: 'loadavg5', unit: 'load', op: '>', value: 1, obs: proc({}), expect: 'skip' },
  { name: 'system loadavg 1min', type: 'system', resource: 'loadavg1', unit: 'load', op: '>', value: 2, obs: sys({ load: [3.5, 1, 1] }), expect: true, message: /loadavg \(1min\) of 3.5 matches resource limit \[loadavg \(1min\) > 2\]/ },
  { name: 'system loadavg 15min', type: 'system', resource: 'loadavg15', unit: 'load', op: '>', value: 2, obs: sys({ load: [3.5, 3, 1] }), expect: false },
  { name: 'loadavg per core divides by cores', type: 'system', resource: 'loadavg1', unit: 'load', op: '>', value: 1, perCore: true, obs: sys({ load: [6, 1, 1], cores: 4 }), expect: true, message: /per core of 1.5 .*\[loadavg \(1min\) per core > 1\]/ },
  { name: 'loadavg per core under', type: 'system', resource: 'loadavg1', unit: 'load', op: '>', value: 2, perCore: true, obs: sys({ load: [6, 1, 1], cores: 4 }), expect: false },
  { name: 'system cpu usage', type: 'system', resource: 'cpu', unit: 'percent', op: '>', value: 25, obs: sys({}), expect: true },
  { name: 'system cpu user', type: 'system', resource: 'cpuuser', unit: 'percent', op: '>', value: 25, obs: sys({}), expect: false },
  { name: 'system cpu system', type: 'system', resource: 'cpusystem', unit: 'percent', op: '>=', value: 10, obs: sys({}), expect: true },
  { name: 'system cpu wait', type: 'system', resource: 'cpuwait', unit: 'percent', op: '>', value: 4, obs: sys({}), expect: true },
  { name: 'system cpu collecting', type: 'system', resource: 'cpu', unit: 'percent', op: '>', value: 25, obs: sys({ cpu: null }), expect: 'skip' },
  { name: 'system memory percent', type: 'system', resource: 'memory', unit: 'percent', op: '>', value: 20, obs: sys({}), expect: true },
  { name: 'system memory bytes', type: 'system', resource: 'memory', unit: 'bytes', op: '>', value: 4 * 1024 ** 3, obs: sys({}), expect: false },
  { name: 'system swap percent', type: 'system', resource: 'swap', unit: 'percent', op: '>', value: 0, obs: sys({ swap: { bytes: 1, percent: 1, totalBytes: 10 } }), expect: true },
  { name: 'system swap bytes', type: 'system', resource: 'swap', unit: 'bytes', op: '>', value: 0, obs: sys({}), expect: false },
  { name: 'system without a sample', type: 'system', resource: 'memory', unit: 'percent', op: '>', value: 0, obs: sysObs(undefined), expect: 'skip' },
  { name: 'children is not a system figure', type: 'system', resource: 'children', unit: 'count', op: '>', value: 0, obs: sys({}), expect: 'skip' },
];

describe('resourceOutcome', () => {
  for (const c of cases) {
    test(c.name, () => {
      const t = { kind: 'resource' as const, resource: c.resource, op: c.op, value: c.value, unit: c.unit, ...(c.perCore ? { perCore: true } : {}) };
      const out = resourceOutcome(c.type, t, c.obs);
      if (c.expect === 'skip') {
        assert.equal(out.kind, 'skip');
        return;
      }
      assert.equal(out.kind, 'result');
      if (out.kind !== 'result') return;
      assert.equal(out.failed, c.expect);
      if (c.message) assert.match(out.message, c.message);
    });
  }
});

describe('resource events', () => {
  test('a transition names the figures that tripped it', () => {
    const spec = processSpec({ rules: [cpuRule(50, { action: { type: 'restart' } })] });
    const out = evaluateCheck({ spec, state: monitored(spec), observation: procObs(figures({ cpuPercent: 73.2 })), now: T0 });
    assert.deepEqual(out.events, [
      {
        service: 'web', kind: 'resource', state: 'failed', message: 'cpu usage of 73.2% matches resource limit [cpu > 50%]',
        rule: 'if cpu > 50% then alert', action: 'restart', figures: { cpu: 73.2, limit: 50 },
      },
    ]);
    assert.deepEqual(out.actions[0]?.figures, { cpu: 73.2, limit: 50 });
  });

  test('a collecting CPU leaves a failed rule as it was', () => {
    const spec = processSpec({ rules: [cpuRule(50)] });
    const state = monitored(spec, { rules: { cpu: { state: 'failed', history: '1', sinceFired: 0 } } });
    const out = evaluateCheck({ spec, state, observation: procObs(figures({ cpuPercent: null })), now: T0 });
    assert.deepEqual(out.state.rules['cpu'], state.rules['cpu']);
    assert.deepEqual(out.events, []);
  });
});
