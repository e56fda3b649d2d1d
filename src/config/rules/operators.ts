// Operator spellings (monit.md 3.2). `older`/`newer` are `>`/`<` on ages.
import type { Operator } from '../../model/rule.ts';
import type { Cursor } from './cursor.ts';

const SPELLINGS: Record<string, Operator> = {
  '>': '>', gt: '>', greater: '>', more: '>', older: '>',
  '>=': '>=', ge: '>=',
  '<': '<', lt: '<', less: '<', newer: '<',
  '<=': '<=', le: '<=',
  '=': '=', '==': '=', eq: '=', equal: '=',
  '!=': '!=', '<>': '!=', ne: '!=', notequal: '!=',
};

export const OPERATOR_EXPECTED = 'an operator (>, >=, <, <=, =, !=, gt, ge, lt, le, eq, ne)';

export function operatorOf(word: string): Operator | undefined {
  return Object.hasOwn(SPELLINGS, word.toLowerCase()) ? SPELLINGS[word.toLowerCase()] : undefined;
}

/** Reads an operator; `=` when omitted (where monit allows), else a syntax error. */
export function parseOperator(c: Cursor, allowDefault = true): Operator {
  const t = c.peek();
  if (t.kind === 'word' && t.value === 'not' && c.peek(1).kind === 'word' && c.peek(1).value === 'equal') {
    c.next();
    c.next();
    return '!=';
  }
  if (t.kind === 'op' || t.kind === 'word') {
    const op = operatorOf(t.text);
    if (op) {
      c.next();
      return op;
    }
    if (t.kind === 'op') c.fail(OPERATOR_EXPECTED);
  }
  if (!allowDefault) c.fail(OPERATOR_EXPECTED);
  return '=';
}
