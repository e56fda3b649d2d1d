// Units of the rule grammar (monit.md 3.2), shared with YAML durations and sizes.
// Sizes are powers of 1024; a month is 31 days.

export type UnitKind = 'percent' | 'bytes' | 'time' | 'packets' | 'operations';

export interface UnitDef {
  kind: UnitKind;
  /** bytes per unit (bytes), seconds per unit (time), 1 otherwise. */
  factor: number;
  /** Written with `/s` (traffic rates). */
  perSecond: boolean;
}

const KB = 1024;
const SIZE_WORDS: Array<[string[], number]> = [
  [['b', 'byte', 'bytes'], 1],
  [['kb', 'k', 'kilobyte', 'kilobytes'], KB],
  [['mb', 'megabyte', 'megabytes'], KB ** 2],
  [['gb', 'g', 'gigabyte', 'gigabytes'], KB ** 3],
  [['tb', 'terabyte', 'terabytes'], KB ** 4],
];
const TIME_WORDS: Array<[string[], number]> = [
  [['ms', 'millisecond', 'milliseconds'], 0.001],
  [['s', 'sec', 'secs', 'second', 'seconds'], 1],
  [['m', 'min', 'mins', 'minute', 'minutes'], 60],
  [['h', 'hour', 'hours'], 3600],
  [['d', 'day', 'days'], 86_400],
  [['month', 'months'], 31 * 86_400],
];
const COUNT_WORDS: Array<[string[], UnitKind]> = [
  [['packet', 'packets'], 'packets'],
  [['operation', 'operations'], 'operations'],
];

const UNITS = new Map<string, UnitDef>();
UNITS.set('%', { kind: 'percent', factor: 1, perSecond: false });
UNITS.set('percent', { kind: 'percent', factor: 1, perSecond: false });
for (const [words, factor] of SIZE_WORDS) {
  for (const w of words) {
    UNITS.set(w, { kind: 'bytes', factor, perSecond: false });
    UNITS.set(`${w}/s`, { kind: 'bytes', factor, perSecond: true });
  }
}
for (const [words, factor] of TIME_WORDS) for (const w of words) UNITS.set(w, { kind: 'time', factor, perSecond: false });
for (const [words, kind] of COUNT_WORDS) {
  for (const w of words) {
    UNITS.set(w, { kind, factor: 1, perSecond: false });
    UNITS.set(`${w}/s`, { kind, factor: 1, perSecond: true });
  }
}

export function unitOf(word: string): UnitDef | undefined {
  return UNITS.get(word.toLowerCase());
}

export function isUnitWord(word: string): boolean {
  return UNITS.has(word.toLowerCase());
}

const QUANTITY = /^\s*(\d+(?:\.\d+)?)\s*([a-z%/]+)?\s*$/i;

function quantity(text: string, kind: UnitKind, dflt: number): number | undefined {
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[2] === undefined) return n * dflt;
  const u = unitOf(m[2]);
  if (!u || u.kind !== kind || u.perSecond) return undefined;
  return n * u.factor;
}

/** `500ms`, `30s`, `2 minutes`, `60 s`, `1h`, `30` (seconds) -> milliseconds. */
export function parseDurationText(text: string): number | undefined {
  const s = quantity(text, 'time', 1);
  return s === undefined ? undefined : Math.round(s * 1000);
}

/** `512 B`, `64 KB`, `1.5 GB`, `100` (bytes) -> bytes. */
export function parseSizeText(text: string): number | undefined {
  const b = quantity(text, 'bytes', 1);
  return b === undefined ? undefined : Math.round(b);
}
