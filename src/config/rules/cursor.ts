// A token stream for the recursive-descent parser: peek/accept/expect, with errors that name
// what was expected and what was found. Syntax errors throw (the rule is abandoned); problems
// that leave the structure intact (a unit, a rate, a regex) are collected and parsing goes on.
import type { ErrorCode } from '../../model/errors.ts';
import type { Token } from './tokenizer.ts';

export class RuleSyntaxError extends Error {
  readonly offset: number;
  readonly code: ErrorCode;
  constructor(offset: number, message: string, code: ErrorCode = 'TSM_E_RULE_SYNTAX') {
    super(message);
    this.offset = offset;
    this.code = code;
  }
}

export interface Problem {
  code: ErrorCode;
  offset: number;
  message: string;
}

export function describeToken(t: Token): string {
  if (t.kind === 'eof') return 'end of rule';
  if (t.kind === 'string') return t.text;
  return `'${t.text}'`;
}

/** A token's value as data: strings unescaped, words and numbers as written (not lower-cased). */
export function valueOf(t: Token): string {
  return t.kind === 'string' ? t.value : t.text;
}

export class Cursor {
  private i = 0;
  readonly problems: Problem[] = [];
  private readonly tokens: Token[];
  readonly text: string;

  constructor(tokens: Token[], text: string) {
    this.tokens = tokens;
    this.text = text;
  }

  peek(k = 0): Token {
    return this.tokens[Math.min(this.i + k, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.i++;
    return t;
  }

  /** The next token is one of these (lower-case) words. */
  at(...words: string[]): boolean {
    const t = this.peek();
    return t.kind === 'word' && words.includes(t.value);
  }

  atNumber(): boolean {
    return this.peek().kind === 'number';
  }

  accept(...words: string[]): Token | undefined {
    return this.at(...words) ? this.next() : undefined;
  }

  expect(words: string[], expected = words.map((w) => `'${w}'`).join(' or ')): Token {
    if (!this.at(...words)) this.fail(expected);
    return this.next();
  }

  expectNumber(expected = 'a number'): Token {
    if (!this.atNumber()) this.fail(expected);
    return this.next();
  }

  expectString(expected = 'a quoted string'): Token {
    if (this.peek().kind !== 'string') this.fail(expected);
    return this.next();
  }

  /** A data value: a string, a word or a number. */
  expectValue(expected: string): Token {
    const t = this.peek();
    if (t.kind !== 'string' && t.kind !== 'word' && t.kind !== 'number') this.fail(expected);
    return this.next();
  }

  fail(expected: string, at: Token = this.peek()): never {
    throw new RuleSyntaxError(at.start, `expected ${expected} but found ${describeToken(at)}`);
  }

  /** A statement tsmonit recognises but cannot carry out: the rule is refused. */
  unsupported(at: Token, what: string): never {
    throw new RuleSyntaxError(at.start, `${what} is not supported by tsmonit yet`, 'TSM_E_UNSUPPORTED');
  }

  report(code: ErrorCode, at: Token, message: string): void {
    this.problems.push({ code, offset: at.start, message });
  }
}
