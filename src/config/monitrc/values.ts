// Numbers, durations and sizes in statements: `120`, `60 seconds`, `5s`, `512 B`, `1 MB`.
import { unitOf } from '../rules/units.ts';
import type { MCursor } from './cursor.ts';
import type { MToken } from './lexer.ts';

const NUMBER = /^\d+(?:\.\d+)?$/;
const NUMBER_UNIT = /^(\d+(?:\.\d+)?)([a-z%/]+)$/i;

export function isNumberToken(t: MToken | undefined): boolean {
  return t?.kind === 'word' && NUMBER.test(t.text);
}

export function readNumber(c: MCursor, what: string): { value: number; tok: MToken } {
  const t = c.peek();
  if (!t || !isNumberToken(t)) c.fail(`a number for ${what}`);
  c.next();
  return { value: Number(t.text), tok: t };
}

export function readInteger(c: MCursor, what: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const { value, tok } = readNumber(c, what);
  if (!Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `between ${min} and ${max}`;
    c.error(tok, `${what} must be a whole number ${range}, not ${tok.text}`, 'TSM_E_VALUE');
  }
  return value;
}

export type QuantityKind = 'time' | 'bytes';

/**
 * A number and its unit, converted to milliseconds (time) or bytes. Without a unit, a time is in
 * seconds when `bare` is 'seconds'; `bare` 'required' makes the unit mandatory.
 */
export function readQuantity(c: MCursor, kind: QuantityKind, what: string, bare: 'seconds' | 'bytes' | 'required'): number {
  const t = c.peek();
  const joined = t?.kind === 'word' ? NUMBER_UNIT.exec(t.text) : null;
  if (!t || (!isNumberToken(t) && !joined)) c.fail(`a number for ${what}`);
  c.next();
  const n = Number(joined ? joined[1] : t.text);
  let unitTok: MToken | undefined;
  let unitText = joined ? (joined[2] as string) : undefined;
  if (!joined) {
    const u = c.peek();
    if (u?.kind === 'word' && unitOf(u.lower)) {
      unitTok = c.next();
      unitText = u.text;
    }
  }
  if (unitText === undefined) {
    if (bare === 'required') c.error(t, `${what} needs a unit (${kind === 'time' ? 'ms, s, minutes' : 'B, kB, MB'})`, 'TSM_E_VALUE');
    return kind === 'time' ? Math.round(n * 1000) : Math.round(n);
  }
  const def = unitOf(unitText);
  if (!def || def.kind !== kind || def.perSecond) c.error(unitTok ?? t, `'${unitText}' is not a unit for ${what}`, 'TSM_E_VALUE');
  return kind === 'time' ? Math.round(n * def.factor * 1000) : Math.round(n * def.factor);
}
