// Which services a user action names, and in which order.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveTargets } from '../../src/daemon/targets.ts';
import type { ServiceSpec } from '../../src/model/service.ts';

const spec = (name: string, depends: string[] = [], groups: string[] = []): ServiceSpec => ({
  type: 'process', name, depends, groups, pos: { file: 'f', line: 1, col: 1 }, mode: 'active', alerts: [], noalert: [],
  rules: [], restartLimits: [], ignoreContent: [],
});

// db <- app <- web ; cache alone
const services = [spec('web', ['app'], ['front']), spec('app', ['db'], ['front']), spec('db', [], ['back']), spec('cache', [], ['back'])];

const cases: Array<{ name: string; action: 'start' | 'stop' | 'restart' | 'monitor' | 'unmonitor'; names?: string[]; group?: string; want: string[] }> = [
  { name: 'start all: prerequisites first', action: 'start', names: ['all'], want: ['db', 'app', 'web', 'cache'] },
  { name: 'stop all: dependants first, and not twice', action: 'stop', names: ['all'], want: ['cache', 'db'] },
  { name: 'restart a group skips members a member restart already takes along', action: 'restart', group: 'front', want: ['app'] },
  { name: 'start a group in dependency order', action: 'start', group: 'front', want: ['app', 'web'] },
  { name: 'unmonitor names in reverse dependency order', action: 'unmonitor', names: ['db', 'web'], want: ['web', 'db'] },
  { name: 'duplicates collapse', action: 'monitor', names: ['cache', 'cache'], want: ['cache'] },
];

for (const c of cases) {
  test(c.name, () => {
    assert.deepEqual(resolveTargets(services, c.action, c.names, c.group), c.want);
  });
}

test('unknown names and groups are errors with stable codes', () => {
  assert.throws(() => resolveTargets(services, 'start', ['nope'], undefined), { code: 'TSM_E_UNKNOWN_SERVICE', message: /nope/ });
  assert.throws(() => resolveTargets(services, 'start', undefined, 'nogroup'), { code: 'TSM_E_UNKNOWN_GROUP' });
  assert.throws(() => resolveTargets(services, 'start', [], undefined), { code: 'TSM_E_UNKNOWN_SERVICE' });
});
