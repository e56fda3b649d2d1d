// Printing values so that the tokenizer reads them back unchanged.
import { isNoise } from './noise.ts';
import { tokenize } from './tokenizer.ts';

export function num(n: number): string {
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

export function quote(s: string): string {
  const escaped = s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return `"${escaped}"`;
}

/** As a bare word when it reads back as the same single word, else quoted. */
export function word(s: string): string {
  const { tokens, error } = tokenize(s);
  const only = tokens[0];
  const bare = !error && tokens.length === 2 && only?.kind === 'word' && only.text === s && !isNoise(s);
  return bare ? s : quote(s);
}

/** A uid/gid or other name-or-number value. */
export function idText(v: string | number): string {
  return typeof v === 'number' ? num(v) : word(v);
}

const SIZE_UNITS: Array<[string, number]> = [['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]];

export function bytes(n: number): string {
  for (const [unit, factor] of SIZE_UNITS) if (n > 0 && Number.isInteger(n / factor)) return `${num(n / factor)} ${unit}`;
  return `${num(n)} B`;
}

const TIME_UNITS: Array<[string, number]> = [['day', 86_400], ['hour', 3600], ['minute', 60]];

function plural(n: number, unit: string): string {
  return `${num(n)} ${unit}${n === 1 ? '' : 's'}`;
}

/** The largest unit that holds the value exactly: `5 minutes`, `90 seconds`. */
export function seconds(s: number): string {
  for (const [unit, factor] of TIME_UNITS) if (s > 0 && Number.isInteger(s / factor)) return plural(s / factor, unit);
  return plural(s, 'second');
}

export function millis(ms: number): string {
  return ms % 1000 === 0 ? seconds(ms / 1000) : `${num(ms)} ms`;
}

export function cycles(n: number): string {
  return plural(n, 'cycle');
}
