import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeAction, ruleInWords } from '../../src/engine/rule-words.ts';
import { cmd } from './helpers.ts';

describe('ruleInWords', () => {
  test('marks implicit rules', () => {
    assert.equal(ruleInWords({ text: 'if does not exist then restart', implicit: true }), 'if does not exist then restart (implicit)');
    assert.equal(ruleInWords({ text: 'if cpu > 50% then alert' }), 'if cpu > 50% then alert');
  });
});

describe('describeAction', () => {
  const cases: Array<[Parameters<typeof describeAction>[0], string]> = [
    [{ type: 'alert' }, 'alert'],
    [{ type: 'alert', reminder: 5 }, 'alert, reminder every 5 cycles'],
    [{ type: 'restart' }, 'restart'],
    [{ type: 'unmonitor' }, 'unmonitor'],
    [{ type: 'exec', command: cmd('/bin/page ops') }, 'exec "/bin/page ops"'],
    [{ type: 'exec', command: cmd('/bin/x'), repeatEvery: 1 }, 'exec "/bin/x", repeat every 1 cycle'],
  ];
  for (const [action, expected] of cases) test(expected, () => assert.equal(describeAction(action), expected));
});
