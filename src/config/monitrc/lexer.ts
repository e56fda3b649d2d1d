// monit's lexical rules (monit.md 1.2): free format, `#` comments, `; , ( )` are white space,
// "..." and '...' strings with monit's escapes, URLs kept whole, noise words marked (not dropped:
// a few statements, `check program` among them, read the raw stream). A mail-format body
// `{ ... }` is one raw token, since monit reads it as text, not as tokens.
import { isNoise } from '../rules/noise.ts';
import type { SourceText } from './source.ts';

export type MTokenKind = 'word' | 'string' | 'lbrace' | 'rbrace' | 'block';

export interface MToken {
  kind: MTokenKind;
  /** As written (a string with its quotes). */
  text: string;
  /** word: as written; string: unescaped; block: the text between the braces. */
  value: string;
  /** word: lower case; otherwise empty. */
  lower: string;
  noise: boolean;
  start: number;
  end: number;
  src: SourceText;
  /** No other token before it on its line (statement recovery uses it). */
  firstOnLine: boolean;
  /** Where the previous token of the same file ends (0 for the first): comments in between sit above this one. */
  prevEnd: number;
}

export interface Comment {
  src: SourceText;
  start: number;
  /** The comment's text after `#`, right-trimmed. */
  text: string;
}

export interface LexProblem {
  src: SourceText;
  offset: number;
  message: string;
}

export interface Lexed {
  tokens: MToken[];
  comments: Comment[];
  problems: LexProblem[];
}

const SEPARATOR = /[\s;,()]/;
const WORD_END = /[\s;,()"'{}]/;
const URL_START = /^[a-z][a-z0-9+.-]*:\/\//i;
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', ' ': ' ' };

type StringRead = { value: string; end: number } | { problem: string; offset: number };

/** A quoted string from `start` (the quote). `\0xHH` stays as written; other unknown escapes keep the backslash. */
export function readQuoted(text: string, start: number): StringRead {
  const quote = text[start] as string;
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    const ch = text[i] as string;
    const next = text[i + 1];
    if (ch !== '\\' || next === undefined) {
      value += ch;
      i++;
    } else if (next in SIMPLE_ESCAPES || next === quote) {
      value += SIMPLE_ESCAPES[next] ?? quote;
      i += 2;
    } else if (next === '0' && text[i + 2] === 'x') {
      if (!/^[0-9a-f]{2}$/i.test(text.slice(i + 3, i + 5))) return { problem: 'unbalanced escape sequence', offset: i };
      value += text.slice(i, i + 5);
      i += 5;
    } else {
      value += ch + next;
      i += 2;
    }
  }
  if (i >= text.length) return { problem: `unterminated string (no closing ${quote})`, offset: start };
  return { value, end: i + 1 };
}

class Lexer {
  readonly out: Lexed = { tokens: [], comments: [], problems: [] };
  private i = 0;
  private lineHasToken = false;

  constructor(private readonly src: SourceText) {}

  private push(kind: MTokenKind, start: number, end: number, value: string): MToken {
    const text = this.src.text.slice(start, end);
    const lower = kind === 'word' ? text.toLowerCase() : '';
    const t: MToken = {
      kind, text, value, lower, noise: kind === 'word' && isNoise(lower), start, end, src: this.src,
      firstOnLine: !this.lineHasToken, prevEnd: this.out.tokens.at(-1)?.end ?? 0,
    };
    this.out.tokens.push(t);
    this.lineHasToken = true;
    return t;
  }

  private comment(): void {
    const text = this.src.text;
    let j = this.i;
    while (j < text.length && text[j] !== '\n') j++;
    this.out.comments.push({ src: this.src, start: this.i, text: text.slice(this.i + 1, j).trimEnd() });
    this.i = j;
  }

  /** A string; one that does not close ends with its line, so the rest of the file still reads. */
  private quoted(): void {
    const text = this.src.text;
    const r = readQuoted(text, this.i);
    if (!('problem' in r)) {
      this.push('string', this.i, r.end, r.value);
      this.i = r.end;
      return;
    }
    this.out.problems.push({ src: this.src, offset: r.offset, message: r.problem });
    const quote = text[this.i] as string;
    const close = text.indexOf(quote, r.offset + 1);
    const nl = text.indexOf('\n', this.i);
    const lineEnd = nl < 0 ? text.length : nl;
    const end = close >= 0 && close < lineEnd ? close + 1 : lineEnd;
    this.push('string', this.i, end, text.slice(this.i + 1, end).replace(new RegExp(`${quote}$`), ''));
    this.i = end;
  }

  /** After `mail-format`: `{ ... }` up to the first `}` is one raw block. */
  private mailFormatBlock(): void {
    const text = this.src.text;
    let j = this.i;
    while (j < text.length && /\s/.test(text[j] as string)) j++;
    if (text[j] !== '{') return;
    const close = text.indexOf('}', j + 1);
    if (close < 0) {
      this.out.problems.push({ src: this.src, offset: j, message: "mail-format block has no closing '}'" });
      this.i = text.length;
      return;
    }
    for (let k = this.i; k < j; k++) if (text[k] === '\n') this.lineHasToken = false;
    this.push('block', j, close + 1, text.slice(j + 1, close));
    this.i = close + 1;
  }

  private word(): void {
    const text = this.src.text;
    const start = this.i;
    let j = start;
    if (URL_START.test(text.slice(start, start + 40))) while (j < text.length && !/[\s}]/.test(text[j] as string)) j++;
    else while (j < text.length && !WORD_END.test(text[j] as string)) j++;
    const t = this.push('word', start, j, text.slice(start, j));
    this.i = j;
    if (t.lower === 'mail-format') this.mailFormatBlock();
  }

  run(): Lexed {
    const text = this.src.text;
    while (this.i < text.length) {
      const ch = text[this.i] as string;
      if (ch === '\n') {
        this.lineHasToken = false;
        this.i++;
      } else if (SEPARATOR.test(ch)) this.i++;
      else if (ch === '#') this.comment();
      else if (ch === '"' || ch === "'") this.quoted();
      else if (ch === '{' || ch === '}') {
        this.push(ch === '{' ? 'lbrace' : 'rbrace', this.i, this.i + 1, ch);
        this.i++;
      } else this.word();
    }
    return this.out;
  }
}

export function lex(src: SourceText): Lexed {
  return new Lexer(src).run();
}
