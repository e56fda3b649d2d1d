// Where a rule ends in the free-format token stream. monit has no line ends, so the end is found
// from the rule's shape: everything up to `then`, one action (with its options), and each
// `else [if ... then] action`. The text found is then parsed by the one rule grammar (rules/).
import type { MCursor } from './cursor.ts';
import type { MToken } from './lexer.ts';
import { isNumberToken } from './values.ts';
import { unitOf } from '../rules/units.ts';

/** Words that start a statement; before `then`, one first on its line ends a rule that lacks `then`. */
export const STATEMENT_WORDS = new Set([
  'if', 'ignore', 'check', 'set', 'include', 'start', 'stop', 'restart', 'depends', 'depend', 'group', 'mode',
  'every', 'alert', 'noalert', 'onreboot',
]);

function startsStatement(t: MToken): boolean {
  return t.firstOnLine && t.kind === 'word' && STATEMENT_WORDS.has(t.lower);
}

class Scan {
  last: MToken;
  constructor(private readonly c: MCursor, first: MToken) {
    this.last = first;
  }

  take(): MToken {
    const t = this.c.next() as MToken;
    this.last = t;
    return t;
  }

  takeIf(...words: string[]): boolean {
    if (!this.c.at(...words)) return false;
    this.take();
    return true;
  }

  takeNumber(): boolean {
    const t = this.c.peek();
    if (!t || !(isNumberToken(t) || /^\d+(\.\d+)?[a-z]+$/i.test(t.text))) return false;
    this.take();
    return true;
  }

  /** Up to and including `then`; false when a statement starts first. */
  toThen(): boolean {
    for (let t = this.c.peek(); t; t = this.c.peek()) {
      if (startsStatement(t)) return false;
      this.take();
      if (t.kind === 'word' && t.lower === 'then') return true;
    }
    return false;
  }

  execOptions(): void {
    for (;;) {
      if (this.takeIf('uid', 'gid')) {
        if (this.c.peek()) this.take();
      } else if (this.takeIf('timeout')) {
        this.takeNumber();
        const u = this.c.peek();
        if (u?.kind === 'word' && unitOf(u.lower)?.kind === 'time') this.take();
      } else if (this.takeIf('repeat')) {
        this.takeIf('every');
        this.takeNumber();
        this.takeIf('cycle', 'cycles');
      } else return;
    }
  }

  action(): void {
    const t = this.c.peek();
    if (!t || t.kind === 'lbrace' || t.kind === 'rbrace' || startsStatement(t)) return;
    this.take();
    if (t.kind !== 'word') return;
    if (t.lower === 'alert' && this.takeIf('reminder')) {
      this.takeNumber();
      this.takeIf('cycle', 'cycles');
    } else if (t.lower === 'exec') {
      const cmd = this.c.peek();
      if (cmd && (cmd.kind === 'string' || cmd.kind === 'word') && !startsStatement(cmd)) this.take();
      this.execOptions();
    }
  }
}

/** From `if` or `ignore` (the next token): the last token of the rule. */
export function scanRule(c: MCursor): { first: MToken; last: MToken } {
  const first = c.next() as MToken;
  const s = new Scan(c, first);
  if (first.lower === 'ignore') {
    for (let t = c.peek(); t && !startsStatement(t); t = c.peek()) {
      s.take();
      if (t.kind === 'string' || (t.kind === 'word' && t.text.startsWith('/'))) break;
    }
    return { first, last: s.last };
  }
  if (!s.toThen()) return { first, last: s.last };
  s.action();
  while (s.takeIf('else')) {
    if (s.takeIf('if') && !s.toThen()) break;
    s.action();
  }
  return { first, last: s.last };
}
