// Regular expressions in rules are JavaScript's; one that does not compile is TSM_E_REGEX.
import type { Cursor } from './cursor.ts';
import type { Token } from './tokenizer.ts';

export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Reads a quoted regex and reports it when it does not compile. */
export function readRegex(c: Cursor): { pattern: string; tok: Token } {
  const tok = c.expectString('a regular expression in quotes');
  const problem = regexProblem(tok.value);
  if (problem) c.report('TSM_E_REGEX', tok, problem);
  return { pattern: tok.value, tok };
}
