// uid/gid values: a number stays a number, a name a string (as the rule grammar and YAML do).
import type { MToken } from './lexer.ts';

export function idValueOf(t: MToken): string | number {
  return t.kind === 'word' && /^\d+$/.test(t.text) ? Number(t.text) : t.value;
}
