import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { effectiveAction, firesAgain, selectActions } from '../../src/engine/planned-actions.ts';
import type { PlannedAction } from '../../src/model/evaluation.ts';
import type { ActionSpec } from '../../src/model/rule.ts';
import { cmd, hostSpec, processSpec } from './helpers.ts';

describe('effectiveAction', () => {
  const cases: Array<{ name: string; spec: ReturnType<typeof processSpec> | ReturnType<typeof hostSpec>; action: ActionSpec; expect: string }> = [
    { name: 'active restart stays', spec: processSpec(), action: { type: 'restart' }, expect: 'restart' },
    { name: 'passive restart alerts', spec: processSpec({ mode: 'passive' }), action: { type: 'restart' }, expect: 'alert' },
    { name: 'passive stop alerts', spec: processSpec({ mode: 'passive' }), action: { type: 'stop' }, expect: 'alert' },
    { name: 'manual start alerts', spec: processSpec({ mode: 'manual' }), action: { type: 'start' }, expect: 'alert' },
    { name: 'passive unmonitor stays', spec: processSpec({ mode: 'passive' }), action: { type: 'unmonitor' }, expect: 'unmonitor' },
    { name: 'passive exec stays', spec: processSpec({ mode: 'passive' }), action: { type: 'exec', command: cmd('/bin/x') }, expect: 'exec' },
    { name: 'no start or restart program: restart alerts', spec: processSpec({ start: undefined }), action: { type: 'restart' }, expect: 'alert' },
    { name: 'no start or restart program: start alerts', spec: processSpec({ start: undefined }), action: { type: 'start' }, expect: 'alert' },
    { name: 'restart program alone is enough', spec: processSpec({ start: undefined, restart: cmd('/bin/r') }), action: { type: 'restart' }, expect: 'restart' },
    { name: 'no start program: stop stays', spec: processSpec({ start: undefined }), action: { type: 'stop' }, expect: 'stop' },
    { name: 'a host check keeps restart (propagates to dependants)', spec: hostSpec(), action: { type: 'restart' }, expect: 'restart' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(effectiveAction(c.spec, c.action).type, c.expect));
});

describe('firesAgain', () => {
  const exec2: ActionSpec = { type: 'exec', command: cmd('/bin/x'), repeatEvery: 2 };
  const cases: Array<[ActionSpec, number, boolean]> = [
    [{ type: 'restart' }, 1, true],
    [{ type: 'start' }, 1, true],
    [{ type: 'stop' }, 1, true],
    [{ type: 'unmonitor' }, 1, true],
    [{ type: 'alert' }, 100, false],
    [{ type: 'alert', reminder: 3 }, 2, false],
    [{ type: 'alert', reminder: 3 }, 3, true],
    [exec2, 1, false],
    [exec2, 2, true],
    [{ type: 'exec', command: cmd('/bin/x') }, 50, false],
    [{ type: 'ignore' }, 5, false],
  ];
  for (const [action, since, expected] of cases) {
    test(`${JSON.stringify(action)} after ${since}`, () => assert.equal(firesAgain(action, since), expected));
  }
});

describe('selectActions', () => {
  const a = (type: PlannedAction['type'], ruleId: string = type): PlannedAction => ({ type, ruleId, reason: type });
  const cases: Array<[PlannedAction['type'][], string[]]> = [
    [['start', 'restart'], ['restart']],
    [['restart', 'stop', 'start'], ['stop']],
    [['stop', 'unmonitor'], ['unmonitor']],
    [['alert', 'start', 'exec', 'restart', 'alert'], ['alert', 'exec', 'restart', 'alert']],
    [['alert', 'exec'], ['alert', 'exec']],
  ];
  for (const [input, expected] of cases) {
    test(`${input.join(',')} -> ${expected.join(',')}`, () => {
      assert.deepEqual(selectActions(input.map((t) => a(t))).map((x) => x.type), expected);
    });
  }
  test('the first of equal priority wins', () => {
    const chosen = selectActions([a('restart', 'one'), a('restart', 'two')]);
    assert.deepEqual(chosen.map((x) => x.ruleId), ['one']);
  });
});
