// A cursor over a monit control file's tokens (noise words skipped unless asked for raw).
// A statement that does not parse throws MonitrcSyntaxError; the parser reports it and skips
// to the next statement, so one run finds every error.
import type { ErrorCode, SourcePos } from '../../model/errors.ts';
import type { MToken } from './lexer.ts';

export class MonitrcSyntaxError extends Error {
  readonly pos: SourcePos;
  readonly code: ErrorCode;
  constructor(pos: SourcePos, message: string, code: ErrorCode = 'TSM_E_MONITRC_SYNTAX') {
    super(message);
    this.pos = pos;
    this.code = code;
  }
}

export function describe(t: MToken | undefined): string {
  if (!t) return 'end of file';
  if (t.kind === 'string') return t.text;
  if (t.kind === 'block') return 'a { ... } block';
  return `'${t.text}'`;
}

export function posOf(t: MToken): SourcePos {
  return t.src.pos(t.start);
}

export class MCursor {
  i = 0;
  /** Problems that leave the statement readable (a bad regex, cron string or command): reading goes on. */
  readonly problems: MonitrcSyntaxError[] = [];
  constructor(readonly tokens: readonly MToken[], readonly eofPos: SourcePos) {}

  private skipNoise(from: number): number {
    let j = from;
    while (j < this.tokens.length && (this.tokens[j] as MToken).noise) j++;
    return j;
  }

  peek(k = 0): MToken | undefined {
    let j = this.skipNoise(this.i);
    for (let n = 0; n < k; n++) j = this.skipNoise(j + 1);
    return this.tokens[j];
  }

  peekRaw(): MToken | undefined {
    return this.tokens[this.i];
  }

  next(): MToken | undefined {
    this.i = this.skipNoise(this.i);
    const t = this.tokens[this.i];
    if (t) this.i++;
    return t;
  }

  nextRaw(): MToken | undefined {
    const t = this.tokens[this.i];
    if (t) this.i++;
    return t;
  }

  atEnd(): boolean {
    return this.peek() === undefined;
  }

  at(...words: string[]): boolean {
    const t = this.peek();
    return t?.kind === 'word' && words.includes(t.lower);
  }

  accept(...words: string[]): MToken | undefined {
    return this.at(...words) ? this.next() : undefined;
  }

  expect(words: string[], expected = words.map((w) => `'${w}'`).join(' or ')): MToken {
    if (!this.at(...words)) this.fail(expected);
    return this.next() as MToken;
  }

  /** A string or a word. */
  expectValue(expected: string): MToken {
    const t = this.peek();
    if (!t || (t.kind !== 'string' && t.kind !== 'word')) this.fail(expected);
    return this.next() as MToken;
  }

  posHere(): SourcePos {
    const t = this.peek();
    return t ? posOf(t) : this.eofPos;
  }

  fail(expected: string, at: MToken | undefined = this.peek()): never {
    throw new MonitrcSyntaxError(at ? posOf(at) : this.eofPos, `expected ${expected} but found ${describe(at)}`);
  }

  report(at: MToken, message: string, code: ErrorCode): void {
    this.problems.push(new MonitrcSyntaxError(posOf(at), message, code));
  }

  error(at: MToken | undefined, message: string, code: ErrorCode = 'TSM_E_MONITRC_SYNTAX'): never {
    throw new MonitrcSyntaxError(at ? posOf(at) : this.eofPos, message, code);
  }
}
