import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compare } from '../../src/engine/operators.ts';
import type { Operator } from '../../src/model/rule.ts';

const cases: Array<[Operator, number, number, boolean]> = [
  ['>', 2, 1, true], ['>', 1, 1, false],
  ['>=', 1, 1, true], ['>=', 0, 1, false],
  ['<', 0, 1, true], ['<', 1, 1, false],
  ['<=', 1, 1, true], ['<=', 2, 1, false],
  ['=', 1, 1, true], ['=', 1, 2, false],
  ['!=', 1, 2, true], ['!=', 1, 1, false],
];
for (const [op, a, b, expected] of cases) test(`${a} ${op} ${b} is ${expected}`, () => assert.equal(compare(op, a, b), expected));
