// Maps a character of a YAML string value back to its place in the file, so an error in a
// rule points at the right column inside plain, quoted and block scalars.
import { isScalar, Scalar, type Node } from 'yaml';
import type { Locate } from '../rules/position.ts';
import type { YamlSource } from './source.ts';

const ESCAPE_LENGTH: Record<string, number> = { x: 4, u: 6, U: 10 };

/** Source offsets of each value character of a double-quoted scalar (escapes, folding). */
function doubleQuoted(src: string, start: number): number[] {
  const out: number[] = [];
  let i = start + 1;
  while (i < src.length && src[i] !== '"') {
    const ch = src[i];
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      if (next === '\n' || next === '\r') {
        i += 2;
        while (src[i] === ' ' || src[i] === '\t' || src[i] === '\n') i++;
        continue;
      }
      out.push(i);
      i += ESCAPE_LENGTH[next] ?? 2;
    } else if (ch === '\n' || ((ch === ' ' || ch === '\t') && /^[ \t]*\n/.test(src.slice(i)))) {
      let j = i;
      let breaks = 0;
      while (j < src.length && /[ \t\n\r]/.test(src[j] as string)) breaks += src[j++] === '\n' ? 1 : 0;
      for (let b = 0; b < Math.max(1, breaks - 1); b++) out.push(i);
      i = j;
    } else {
      out.push(i);
      i++;
    }
  }
  return out;
}

/** Plain, single-quoted and block scalars: each value character is found in order. */
function inOrder(src: string, start: number, end: number, value: string): number[] {
  const out: number[] = [];
  let p = start;
  for (const ch of value) {
    let q = p;
    const ws = ch === ' ' || ch === '\n';
    while (q < end && src[q] !== ch && !(ws && /\s/.test(src[q] as string))) q++;
    if (q >= end) q = p;
    out.push(q);
    p = Math.min(q + 1, end);
  }
  return out;
}

/** A Locate for a string scalar; an offset past the end points just after the value. */
export function locateInScalar(src: YamlSource, node: Node): Locate {
  const start = node.range?.[0] ?? 0;
  const end = node.range?.[1] ?? start;
  const value = isScalar(node) && typeof node.value === 'string' ? node.value : '';
  const quotedDouble = isScalar(node) && node.type === Scalar.QUOTE_DOUBLE;
  let map = quotedDouble ? doubleQuoted(src.text, start) : inOrder(src.text, start, end, value);
  if (map.length !== value.length) map = inOrder(src.text, start, end, value);
  return (offset) => {
    if (offset < map.length) return src.at(map[offset] as number);
    const last = map[map.length - 1];
    return src.at(last === undefined ? start : last + 1 + (offset - map.length));
  };
}
