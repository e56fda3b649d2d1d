// Typed reads of YAML values: each reports TSM_E_TYPE (or a value error) at the value and
// returns undefined, so reading goes on and every error is found.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ErrorCode } from '../../model/errors.ts';
import { parseDurationText, parseSizeText } from '../rules/units.ts';
import { ROOT_NAME, type Entry, type Field, type YamlSource } from './source.ts';

function scalar(src: YamlSource, f: Field): unknown {
  const n = src.deref(f.node);
  return n && isScalar(n) ? n.value : n ? undefined : null;
}

function wrongType(src: YamlSource, f: Field, expected: string, code: ErrorCode = 'TSM_E_TYPE'): undefined {
  src.diags.error(code, f.pos, `${f.name} must be ${expected}, not ${src.describe(f.node)}`);
  return undefined;
}

export function isPresent(src: YamlSource, f: Field | undefined): f is Field {
  return f !== undefined && scalar(src, f) !== null;
}

/** The entries of a mapping; non-scalar keys are reported. */
export function entriesOf(src: YamlSource, f: Field): Entry[] | undefined {
  const n = src.deref(f.node);
  if (!n || !isMap(n)) return wrongType(src, f, 'a mapping');
  const out: Entry[] = [];
  for (const pair of n.items) {
    const keyNode = pair.key as Node | null;
    const key = keyNode && isScalar(keyNode) ? keyNode.value : undefined;
    const keyPos = src.pos(keyNode, f.pos);
    if (typeof key !== 'string' && typeof key !== 'number') {
      src.diags.error('TSM_E_TYPE', keyPos, `a key in ${f.name} must be a plain name`);
      continue;
    }
    const value = src.deref(pair.value as Node | null);
    const name = f.name === ROOT_NAME ? String(key) : `${f.name}.${key}`;
    out.push({ key: String(key), keyPos, name, node: value, pos: src.pos(value, keyPos) });
  }
  return out;
}

/** Reports keys not in allowed; hint explains where a key belongs when it is known elsewhere. */
export function checkKeys(src: YamlSource, entries: Entry[], allowed: readonly string[], where: string, hint?: (key: string) => string | undefined): void {
  for (const e of entries) {
    if (allowed.includes(e.key)) continue;
    const extra = hint?.(e.key);
    src.diags.error('TSM_E_UNKNOWN_KEY', e.keyPos, `unknown key '${e.key}' in ${where}${extra ? ` (${extra})` : ''}`);
  }
}

export function byKey(entries: Entry[] | undefined): Map<string, Entry> {
  return new Map((entries ?? []).map((e) => [e.key, e]));
}

export function itemsOf(src: YamlSource, f: Field): Field[] | undefined {
  const n = src.deref(f.node);
  if (!n || !isSeq(n)) return wrongType(src, f, 'a list');
  return n.items.map((item, i) => {
    const node = src.deref(item as Node | null);
    return { name: `${f.name}[${i}]`, node, pos: src.pos(node, f.pos) };
  });
}

export function str(src: YamlSource, f: Field): string | undefined {
  const v = scalar(src, f);
  return typeof v === 'string' ? v : wrongType(src, f, 'a string');
}

/** A name that YAML may have read as a number (`group: 2024`). */
export function name(src: YamlSource, f: Field): string | undefined {
  const v = scalar(src, f);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : wrongType(src, f, 'a string');
}

export function bool(src: YamlSource, f: Field): boolean | undefined {
  const v = scalar(src, f);
  return typeof v === 'boolean' ? v : wrongType(src, f, 'true or false');
}

export function int(src: YamlSource, f: Field, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = scalar(src, f);
  if (typeof v !== 'number' || !Number.isInteger(v)) return wrongType(src, f, 'a whole number');
  if (v < min || v > max) {
    src.diags.error('TSM_E_VALUE', f.pos, `${f.name} must be between ${min} and ${max}, not ${v}`);
    return undefined;
  }
  return v;
}

export function oneOf<T extends string>(src: YamlSource, f: Field, options: readonly T[]): T | undefined {
  const v = scalar(src, f);
  if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
  src.diags.error('TSM_E_VALUE', f.pos, `${f.name} must be one of ${options.join(', ')}, not ${typeof v === 'string' ? `'${v}'` : src.describe(f.node)}`);
  return undefined;
}

/** A string or a list of strings, each with its position. */
export function strList(src: YamlSource, f: Field): Array<{ value: string; pos: Field['pos'] }> {
  const n = src.deref(f.node);
  const items = n && isSeq(n) ? itemsOf(src, f) ?? [] : [f];
  return items.flatMap((item) => {
    const value = name(src, item);
    return value === undefined ? [] : [{ value, pos: item.pos }];
  });
}

/** Seconds (a number) or `500ms`, `30s`, `2 minutes`, ... -> milliseconds. */
export function duration(src: YamlSource, f: Field): number | undefined {
  const v = scalar(src, f);
  const ms = typeof v === 'number' && v >= 0 ? Math.round(v * 1000) : typeof v === 'string' ? parseDurationText(v) : undefined;
  if (ms !== undefined) return ms;
  const shown = typeof v === 'string' || typeof v === 'number' ? `'${v}'` : src.describe(f.node);
  src.diags.error('TSM_E_DURATION', f.pos, `${f.name} must be a duration (seconds, or like 500ms, 30s, 2 minutes), not ${shown}`);
  return undefined;
}

/** Bytes (a number) or `512 B`, `64 KB`, `1.5 GB` -> bytes. */
export function size(src: YamlSource, f: Field): number | undefined {
  const v = scalar(src, f);
  const b = typeof v === 'number' && v >= 0 ? Math.round(v) : typeof v === 'string' ? parseSizeText(v) : undefined;
  if (b !== undefined) return b;
  const shown = typeof v === 'string' || typeof v === 'number' ? `'${v}'` : src.describe(f.node);
  src.diags.error('TSM_E_SIZE', f.pos, `${f.name} must be a size (bytes, or like 512 B, 64 KB, 1.5 GB), not ${shown}`);
  return undefined;
}

/** The plain JavaScript value (for statements held but not acted on). */
export function plain(src: YamlSource, f: Field): unknown {
  const n = src.deref(f.node);
  return n ? (n.toJS(src.doc) as unknown) : null;
}
