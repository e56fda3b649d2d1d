// monit's lexical rules (monit.md 1.2): what the lexer makes of each spelling.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lex, readQuoted } from '../../../src/config/monitrc/lexer.ts';
import { SourceText } from '../../../src/config/monitrc/source.ts';

function tokens(text: string): string[] {
  return lex(new SourceText(text, 'f')).tokens.map((t) => `${t.kind}:${t.value}${t.noise ? '~' : ''}`);
}

describe('the monitrc lexer', () => {
  const CASES: Array<[string, string, string[]]> = [
    ['free format: newlines are white space', 'set\n  daemon\n30', ['word:set', 'word:daemon', 'word:30']],
    ['; , ( ) are white space', 'depends on a,b;c (d)', ['word:depends', 'word:on~', 'word:a', 'word:b', 'word:c', 'word:d']],
    ['a # comment runs to the end of the line', 'set daemon 30 # every half minute\ncheck', ['word:set', 'word:daemon', 'word:30', 'word:check']],
    ['# inside a word is not a comment', 'http://x/#frag a#b', ['word:http://x/#frag', 'word:a#b']],
    ['double and single quotes', `"a b" 'c d'`, ['string:a b', 'string:c d']],
    ['escapes: \\n \\t \\r \\\\ \\" and backslash-space', String.raw`"a\nb\tc\rd\\e\"f\ g"`, ['string:a\nb\tc\rd\\e"f g']],
    ['\\0xHH stays as written, other backslashes are kept', String.raw`"\0x00\0x1F \. \d"`, [String.raw`string:\0x00\0x1F \. \d`]],
    ['noise words are marked, not dropped', 'with pidfile is program', ['word:with~', 'word:pidfile', 'word:is~', 'word:program~']],
    ['braces are tokens', 'not {instance,action}', ['word:not', 'lbrace:{', 'word:instance', 'word:action', 'rbrace:}']],
    ['a URL keeps ; , ( )', 'http://u:p@h:8080/a;b,c(d) next', ['word:http://u:p@h:8080/a;b,c(d)', 'word:next']],
    ['a word ends at a quote', 'admin:"secret"', ['word:admin:', 'string:secret']],
    ['mail-format { ... } is one raw block', "mail-format { subject: it's $EVENT # not a comment\n message: a, b; (c) }", [
      'word:mail-format', "block: subject: it's $EVENT # not a comment\n message: a, b; (c) "]],
    ['addresses and paths are words', 'alert ops@example.com path /var/run/x.pid', ['word:alert', 'word:ops@example.com', 'word:path', 'word:/var/run/x.pid']],
  ];
  for (const [name, text, expected] of CASES) {
    test(name, () => assert.deepEqual(tokens(text), expected));
  }

  test('keywords are matched case-insensitively (lower holds the lower case)', () => {
    const t = lex(new SourceText('CHECK Process', 'f')).tokens;
    assert.deepEqual(t.map((x) => [x.value, x.lower]), [['CHECK', 'check'], ['Process', 'process']]);
  });

  test('a truncated \\0x escape is "unbalanced escape sequence" at the backslash', () => {
    const r = lex(new SourceText('send "ab\\0x4"', 'f'));
    assert.deepEqual(r.problems.map((p) => [p.offset, p.message]), [[8, 'unbalanced escape sequence']]);
  });

  test('an unterminated string is reported at its quote and ends with its line', () => {
    const r = lex(new SourceText('pidfile "/run/x.pid\ncheck system box', 'f'));
    assert.deepEqual(r.problems.map((p) => [p.offset, p.message]), [[8, 'unterminated string (no closing ")']]);
    assert.deepEqual(r.tokens.map((t) => t.value), ['pidfile', '/run/x.pid', 'check', 'system', 'box']);
  });

  test('comments are kept with their text for convert, and firstOnLine marks line starts', () => {
    const r = lex(new SourceText('## header\nset daemon 30 # trailing\n  check', 'f'));
    assert.deepEqual(r.comments.map((c) => c.text), ['# header', ' trailing']);
    assert.deepEqual(r.tokens.map((t) => t.firstOnLine), [true, false, false, true]);
  });

  test('readQuoted reports where the string ends', () => {
    assert.deepEqual(readQuoted('x "a\\"b" y', 2), { value: 'a"b', end: 8 });
  });

  test('positions are 1-based line and column', () => {
    const src = new SourceText('a\n  bc\n', 'f');
    assert.deepEqual(src.pos(4), { file: 'f', line: 2, col: 3 });
  });
});
