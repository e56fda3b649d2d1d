import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tokenize } from '../../../src/config/rules/tokenizer.ts';

const shape = (text: string): string[] => tokenize(text).tokens.filter((t) => t.kind !== 'eof').map((t) => `${t.kind}:${t.kind === 'string' ? t.value : t.text}@${t.start}`);

describe('tokenize', () => {
  test('separators ; , ( ) are whitespace; noise words are dropped', () => {
    assert.deepEqual(shape('if cpu is (50%) , then; alert'), ['word:if@0', 'word:cpu@3', 'number:50@11', 'word:%@13', 'word:then@18', 'word:alert@24']);
  });
  test('a number with a unit splits; IP addresses and hex stay words', () => {
    assert.deepEqual(shape('5MB 1.5GB 500ms 127.0.0.1 8f3a 10kB/s'), [
      'number:5@0', 'word:MB@1', 'number:1.5@4', 'word:GB@7', 'number:500@10', 'word:ms@13', 'word:127.0.0.1@16', 'word:8f3a@26', 'number:10@31', 'word:kB/s@33',
    ]);
  });
  test('operators break words', () => {
    assert.deepEqual(shape('cpu>=50'), ['word:cpu@0', 'op:>=@3', 'number:50@5']);
  });
  test('URLs stay one word even with = , ( )', () => {
    assert.deepEqual(shape('url http://a:b@h:80/p?q=1,(2) then'), ['word:url@0', 'word:http://a:b@h:80/p?q=1,(2)@4', 'word:then@30']);
  });
  test('string escapes', () => {
    const v = (s: string): string | undefined => tokenize(s).tokens[0]?.value;
    assert.equal(v('"a\\nb\\tc\\r\\\\d\\ e\\"f"'), 'a\nb\tc\r\\d e"f');
    assert.equal(v("'it\\'s'"), "it's");
    assert.equal(v('"\\0x00\\0xFF"'), '\\0x00\\0xFF');
    assert.equal(v('"a\\.b"'), 'a\\.b');
  });
  test('a truncated \\0x escape and an unterminated string are errors', () => {
    assert.deepEqual(tokenize('send "\\0x4"').error, { offset: 6, message: 'unbalanced escape sequence' });
    assert.deepEqual(tokenize('x "abc').error, { offset: 2, message: 'unterminated string' });
  });
  test('tokens inside parentheses are marked', () => {
    const [, n] = tokenize('loadavg (5min) > 2').tokens;
    assert.equal(n?.paren, true);
    assert.equal(tokenize('loadavg 5 > 2').tokens[1]?.paren, false);
  });
});
