// One parsed test of a rule, before rate and action are attached.
import type { Polarity, Test } from '../../model/rule.ts';
import type { Token } from './tokenizer.ts';

export interface TestClause {
  test: Test;
  polarity: Polarity;
  /** The test's first token: where "not for this check type" points. */
  at: Token;
}

export function failing(test: Test, at: Token): TestClause {
  return { test, polarity: 'failed', at };
}
