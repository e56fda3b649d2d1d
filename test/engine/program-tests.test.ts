import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { abnormalEnd, changedStatusOutcome, statusOutcome } from '../../src/engine/program-tests.ts';
import type { Operator } from '../../src/model/rule.ts';
import { program } from './check-types-helpers.ts';

describe('statusOutcome', () => {
  const rows: Array<[string, Operator, number, Parameters<typeof program>[0], boolean, RegExp]> = [
    ['status != 0 with 0', '!=', 0, { exitCode: 0 }, false, /^status succeeded \(0\) -- all good$/],
    ['status != 0 with 2', '!=', 0, { exitCode: 2, output: 'disk nearly full\n' }, true, /^status failed \(2\) \[status != 0\] -- disk nearly full$/],
    ['status > 1 with 1', '>', 1, { exitCode: 1 }, false, /succeeded \(1\)/],
    ['status = 3 with 3', '=', 3, { exitCode: 3 }, true, /failed \(3\)/],
    ['timed out fails any status rule', '=', 3, { exitCode: null, signal: 'SIGTERM', timedOut: true, durationMs: 5000 }, true, /^program timed out after 5 s and was killed$/],
    ['killed by a signal fails', '!=', 0, { exitCode: null, signal: 'SIGKILL' }, true, /killed by SIGKILL/],
    ['not started fails', '!=', 0, { exitCode: null, error: 'spawn /x ENOENT' }, true, /could not be started: spawn \/x ENOENT/],
    ['empty output is said so', '!=', 0, { exitCode: 1, output: '' }, true, /\(no output\)$/],
  ];
  for (const [name, op, value, over, failed, message] of rows) {
    test(name, () => {
      const out = statusOutcome({ op, value }, program(over));
      assert.ok(out.kind === 'result');
      if (out.kind !== 'result') return;
      assert.equal(out.failed, failed);
      assert.match(out.message, message);
    });
  }
});

describe('changedStatusOutcome', () => {
  const rows: Array<[Parameters<typeof program>[0], string | number]> = [
    [{ exitCode: 0 }, 0], [{ exitCode: 4 }, 4], [{ exitCode: null, timedOut: true, signal: 'SIGTERM' }, 'timed out'],
    [{ exitCode: null, signal: 'SIGKILL' }, 'SIGKILL'], [{ exitCode: null, error: 'ENOENT' }, 'not started'],
  ];
  for (const [over, value] of rows) {
    test(`value ${value}`, () => {
      const out = changedStatusOutcome(program(over));
      assert.equal(out.kind === 'value' ? out.value : undefined, value);
    });
  }
  test('a change names both values and the output', () => {
    const out = changedStatusOutcome(program({ exitCode: 1, output: 'backup failed' }));
    assert.equal(out.kind === 'value' ? out.changeMessage(0) : '', 'program status changed (0 -> 1) -- backup failed');
  });
  test('abnormalEnd is null for a normal exit', () => assert.equal(abnormalEnd(program({ exitCode: 7 })), null));
});
