// `{ version: tlsv12 verify: enable pemfile: /etc/x.pem ... }` (monit.md 1.5): option names end in
// a colon; a value is every word up to the next option or the closing brace.
import type { SourcePos } from '../../model/errors.ts';
import { posOf, type MCursor } from './cursor.ts';
import type { MToken } from './lexer.ts';

export interface SslOption {
  key: string;
  value: string;
  pos: SourcePos;
}

/** Reads `{ ... }` when the next token opens one; [] otherwise. */
export function readSslBlock(c: MCursor): SslOption[] {
  const open = c.peek();
  if (open?.kind !== 'lbrace') return [];
  c.next();
  const out: SslOption[] = [];
  for (;;) {
    const t = c.next();
    if (!t) c.fail("'}' to close the ssl options", t);
    if (t.kind === 'rbrace') return out;
    // `version: tlsv12`, `verify : enable` or `verify:enable`
    const m = t.kind === 'word' ? /^([a-z][a-z0-9-]*)\s*(:?)(.*)$/i.exec(t.text) : null;
    const spaced = m !== null && m[2] === '' && c.peek()?.text === ':';
    if (!m || (m[2] === '' && !spaced)) c.fail('an ssl option such as version: or pemfile:', t);
    if (spaced) c.next();
    const words = m[3] ? [m[3]] : [];
    for (let v = c.peek(); v && v.kind !== 'rbrace' && !isKey(c, v); v = c.peek()) {
      if (v.kind === 'lbrace' || v.kind === 'block') c.fail("an ssl option value or '}'", v);
      words.push(v.value);
      c.next();
    }
    if (words.length === 0) c.fail(`a value for ${m[1]}:`);
    out.push({ key: (m[1] as string).toLowerCase(), value: words.join(' '), pos: posOf(t) });
  }
}

/** The start of the next option: `key:` or `key :`. */
function isKey(c: MCursor, t: MToken): boolean {
  if (t.kind !== 'word') return false;
  if (/^[a-z][a-z0-9-]*:/i.test(t.text)) return true;
  return c.peek(1)?.text === ':' && /^[a-z][a-z0-9-]*$/i.test(t.text);
}

export function sslRecord(options: readonly SslOption[]): Record<string, string> {
  return Object.fromEntries(options.map((o) => [o.key, o.value]));
}
