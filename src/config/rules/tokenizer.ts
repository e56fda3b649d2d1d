// The rule lexer (monit.md 1.2): `; , ( )` are whitespace, strings are "..." or '...',
// `50%` and `5MB` split into number and unit, URLs stay one word, noise words are dropped.
import { isNoise } from './noise.ts';
import { isUnitWord } from './units.ts';

export type TokenKind = 'word' | 'number' | 'string' | 'op' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** As written. */
  text: string;
  /** word: lower case; string: unescaped; otherwise the text. */
  value: string;
  /** Numbers only; NaN otherwise. */
  num: number;
  start: number;
  end: number;
  /** Written inside parentheses: `loadavg (5min)`. */
  paren: boolean;
}

export interface TokenizeResult {
  tokens: Token[];
  error?: { offset: number; message: string };
}

const SEPARATOR = /[\s;,]/;
const OP_CHARS = '<>=!';
const PUNCT = '[]{}';
const WORD_END = /[\s;,()"'<>=!%[\]{}]/;
const URL_WORD = /^[a-z][a-z0-9+.-]*:\/\/\S*/i;
const NUMBER = /^\d+(?:\.\d+)?$/;
const NUMBER_UNIT = /^(\d+(?:\.\d+)?)([a-z%/]+)$/i;

function token(kind: TokenKind, text: string, start: number, paren: boolean, value = text): Token {
  return { kind, text, value, num: kind === 'number' ? Number(text) : NaN, start, end: start + text.length, paren };
}

/** Reads a quoted string from `start` (the quote). Escapes as monit: \n \t \r \\ \<space> \"; \0xHH kept as text. */
function readString(text: string, start: number): { value: string; end: number } | { error: string; offset: number } {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    const ch = text[i] as string;
    if (ch !== '\\' || i + 1 >= text.length) {
      value += ch;
      i++;
      continue;
    }
    const next = text[i + 1] as string;
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', ' ': ' ' };
    if (next in simple) value += simple[next];
    else if (next === quote) value += quote;
    else if (next === '0' && text[i + 2] === 'x') {
      if (!/^[0-9a-f]{2}$/i.test(text.slice(i + 3, i + 5))) return { error: 'unbalanced escape sequence', offset: i };
      value += text.slice(i, i + 5);
      i += 5;
      continue;
    } else value += ch + next;
    i += 2;
  }
  if (i >= text.length) return { error: 'unterminated string', offset: start };
  return { value, end: i + 1 };
}

function wordTokens(text: string, start: number, paren: boolean): Token[] {
  if (NUMBER.test(text)) return [token('number', text, start, paren)];
  const m = NUMBER_UNIT.exec(text);
  if (m && isUnitWord(m[2] as string)) {
    const n = m[1] as string;
    const unit = m[2] as string;
    return [token('number', n, start, paren), token('word', unit, start + n.length, paren, unit.toLowerCase())];
  }
  return [token('word', text, start, paren, text.toLowerCase())];
}

export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let depth = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (SEPARATOR.test(ch)) i++;
    else if (ch === '(' || ch === ')') {
      depth = Math.max(0, depth + (ch === '(' ? 1 : -1));
      i++;
    } else if (ch === '"' || ch === "'") {
      const s = readString(text, i);
      if ('error' in s) return { tokens, error: { offset: s.offset, message: s.error } };
      tokens.push(token('string', text.slice(i, s.end), i, depth > 0, s.value));
      i = s.end;
    } else if (OP_CHARS.includes(ch)) {
      let j = i;
      while (j < text.length && OP_CHARS.includes(text[j] as string)) j++;
      tokens.push(token('op', text.slice(i, j), i, depth > 0));
      i = j;
    } else if (PUNCT.includes(ch) || ch === '%') {
      tokens.push(token(ch === '%' ? 'word' : 'punct', ch, i, depth > 0));
      i++;
    } else {
      const url = URL_WORD.exec(text.slice(i));
      let j = i;
      if (url) j = i + url[0].length;
      else while (j < text.length && !WORD_END.test(text[j] as string)) j++;
      const word = text.slice(i, j);
      if (url) tokens.push(token('word', word, i, depth > 0, word.toLowerCase()));
      else tokens.push(...wordTokens(word, i, depth > 0));
      i = j;
    }
  }
  tokens.push(token('eof', '', text.trimEnd().length, false));
  return { tokens: tokens.filter((t) => t.kind !== 'word' || !isNoise(t.value)) };
}
