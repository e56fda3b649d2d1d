// A number with an optional unit, checked against the units the test accepts (TSM_E_RULE_UNIT).
import type { Cursor } from './cursor.ts';
import type { Token } from './tokenizer.ts';
import { unitOf, type UnitKind } from './units.ts';

export type QuantityKind = UnitKind | 'none';

export interface QuantitySpec {
  /** What the number measures, for messages: "cpu", "memory". */
  subject: string;
  /** Unit kinds accepted; 'none' = a bare number is a count. */
  allow: QuantityKind[];
  /** Used when no unit is written (absent: a unit is required unless 'none' is allowed). */
  dflt?: UnitKind;
  /** For dflt 'time': seconds per bare unit (0.001 = milliseconds). */
  defaultFactor?: number;
  /** `/s` spellings accepted (traffic). */
  perSecond?: boolean;
}

export interface Quantity {
  /** Converted: bytes, seconds, percent, or the bare number. */
  value: number;
  kind: QuantityKind;
  tok: Token;
}

const HINTS: Record<QuantityKind, string> = {
  percent: '%',
  bytes: 'B, KB, MB, GB',
  time: 'ms, s, m, h, days',
  packets: 'packets',
  operations: 'operations',
  none: 'no unit',
};

function hint(spec: QuantitySpec): string {
  return spec.allow.map((k) => HINTS[k]).join(' or ');
}

function fallback(spec: QuantitySpec, n: Token): Quantity {
  const kind = spec.dflt ?? spec.allow[0] ?? 'none';
  return { value: n.num, kind, tok: n };
}

export function readQuantity(c: Cursor, spec: QuantitySpec): Quantity {
  const n = c.expectNumber(`a number for ${spec.subject}`);
  const u = c.peek();
  const def = u.kind === 'word' ? unitOf(u.value) : undefined;
  if (def) {
    c.next();
    if (!spec.allow.includes(def.kind) || (def.perSecond && !spec.perSecond)) {
      c.report('TSM_E_RULE_UNIT', u, `'${u.text}' is not a unit for ${spec.subject} (use ${hint(spec)})`);
      return fallback(spec, n);
    }
    return { value: n.num * def.factor, kind: def.kind, tok: n };
  }
  if (spec.allow.includes('none')) return { value: n.num, kind: 'none', tok: n };
  if (spec.dflt) return { value: n.num * (spec.defaultFactor ?? 1), kind: spec.dflt, tok: n };
  c.report('TSM_E_RULE_UNIT', n, `${spec.subject} needs a unit (${hint(spec)})`);
  return fallback(spec, n);
}

/** A whole number with no unit (ports, counts, retries). */
export function readCount(c: Cursor, subject: string): { value: number; tok: Token } {
  const q = readQuantity(c, { subject, allow: ['none'] });
  if (!Number.isInteger(q.value)) c.report('TSM_E_VALUE', q.tok, `${subject} must be a whole number`);
  return { value: q.value, tok: q.tok };
}
