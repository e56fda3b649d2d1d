// Rates: `[for] N cycles` = {N, N}; `X [times within] Y cycles` = {X, Y}; 1 <= X <= Y <= 64.
import type { Rate } from '../../model/rule.ts';
import type { Cursor } from './cursor.ts';
import type { Token } from './tokenizer.ts';

export const MAX_RATE_CYCLES = 64;
export const NO_RATE: Rate = { count: 1, cycles: 1 };

export function checkRate(c: Cursor, rate: Rate, at: Token): void {
  const { count, cycles } = rate;
  const whole = Number.isInteger(count) && Number.isInteger(cycles);
  if (!whole || count < 1 || count > cycles || cycles > MAX_RATE_CYCLES) {
    c.report('TSM_E_RULE_RATE', at, `rate ${count} within ${cycles} cycles is out of range (1 <= X <= Y <= ${MAX_RATE_CYCLES})`);
  }
}

/** An optional rate (before `then`); undefined when none is written. */
export function parseRate(c: Cursor): Rate | undefined {
  if (!c.atNumber()) return undefined;
  const first = c.next();
  const second = c.atNumber() ? c.next() : undefined;
  c.expect(['cycle', 'cycles'], "'cycles'");
  const rate = { count: first.num, cycles: (second ?? first).num };
  checkRate(c, rate, first);
  return rate;
}
