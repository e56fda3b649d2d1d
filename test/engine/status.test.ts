import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { failuresOf, statusText } from '../../src/engine/status.ts';
import { initialServiceState } from '../../src/engine/service-state.ts';
import type { RuleState, ServiceState } from '../../src/model/state.ts';
import { cpuRule, nonexistRule, processSpec, rule } from './helpers.ts';

const pidRule = rule({ kind: 'changed', target: 'pid' }, { id: 'pid' });
const spec = processSpec({ rules: [nonexistRule(), cpuRule(50), cpuRule(90, { id: 'cpu2' }), pidRule] });
const ruleState = (state: RuleState['state']): RuleState => ({ state, history: '', sinceFired: 0 });

function state(over: Partial<ServiceState>): ServiceState {
  return { ...initialServiceState(spec), monitoring: 'monitored', ...over };
}

describe('failuresOf', () => {
  test('failed rules in rule order, then action failures, each kind once', () => {
    const s = state({ rules: { cpu: ruleState('failed'), cpu2: ruleState('failed'), nonexist: ruleState('failed') }, actionFailures: { exec: 'x' } });
    assert.deepEqual(failuresOf(spec, s), ['nonexist', 'resource', 'exec']);
  });
  test('nothing failed', () => {
    assert.deepEqual(failuresOf(spec, state({ rules: { cpu: ruleState('succeeded'), pid: ruleState('changed') } })), []);
  });
});

describe('statusText', () => {
  const cases: Array<[string, ServiceState, string | undefined, string]> = [
    ['not monitored', state({ monitoring: 'not monitored' }), undefined, 'Not monitored'],
    ['initializing', state({ monitoring: 'initializing' }), undefined, 'Initializing'],
    ['waiting', state({ monitoring: 'waiting' }), undefined, 'Waiting'],
    ['ok', state({ rules: { cpu: ruleState('succeeded') } }), undefined, 'OK'],
    ['failures joined', state({ rules: { nonexist: ruleState('failed') }, actionFailures: { exec: 'x' } }), undefined, 'Does not exist | Execution failed'],
    ['timeout', state({ actionFailures: { timeout: 'x' } }), undefined, 'Timeout'],
    ['changed shows in the check it changed', state({ rules: { pid: ruleState('changed') } }), undefined, 'PID changed'],
    ['pending action', state({ rules: { nonexist: ruleState('failed') } }), 'restart', 'Does not exist - restart pending'],
    ['ok with a pending stop', state({}), 'stop', 'OK - stop pending'],
    ['a waiting service still shows its failures', state({ monitoring: 'waiting', rules: { cpu: ruleState('failed') } }), undefined, 'Resource limit matched'],
  ];
  for (const [name, s, pending, expected] of cases) test(name, () => assert.equal(statusText(spec, s, pending), expected));
});
