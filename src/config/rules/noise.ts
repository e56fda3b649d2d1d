// monit's noise words: the lexer drops them everywhere, so `is greater than` is `greater` and
// `3 times within 5 cycles` is `3 5 cycles`. Only unquoted words are noise, never strings.
export const NOISE_WORDS: ReadonlySet<string> = new Set([
  'is', 'as', 'are', 'for', 'via', 'on', 'only', 'with', 'within', 'without', 'program', 'programs',
  'and', 'has', 'using', 'use', 'the', 'to', 'sum', 'than', 'usage', 'was', 'times', 'but', 'of', 'or',
  'does', 'per', 'in', 'last', 'rate', 'capacity', 'activity', 'option', 'options',
]);

export function isNoise(word: string): boolean {
  return NOISE_WORDS.has(word.toLowerCase());
}
