// Tests of files, directories, fifos and filesystems (monit.md 2.3):
// timestamp, size, content, space, inode; the `failed` forms checksum and permission.
import type { Test, TimestampField } from '../../model/rule.ts';
import { failing, type TestClause } from './clause.ts';
import { valueOf, type Cursor } from './cursor.ts';
import { parseOperator } from './operators.ts';
import { readQuantity } from './quantity.ts';
import { readRegex } from './regex.ts';
import type { Token } from './tokenizer.ts';

const TIMESTAMP_WORDS: Record<string, TimestampField> = {
  timestamp: 'any', time: 'any', atime: 'atime', ctime: 'ctime', mtime: 'mtime',
  access: 'atime', change: 'ctime', modification: 'mtime', modify: 'mtime',
};

export function atTimestamp(c: Cursor): boolean {
  return c.at(...Object.keys(TIMESTAMP_WORDS));
}

/** `timestamp`, `atime`, `access time`, `modification timestamp`, ... */
export function readTimestampField(c: Cursor): TimestampField {
  const t = c.next();
  if (['access', 'change', 'modification', 'modify'].includes(t.value)) c.accept('time', 'timestamp');
  return TIMESTAMP_WORDS[t.value] as TimestampField;
}

export function parseTimestamp(c: Cursor): TestClause {
  const at = c.peek();
  const field = readTimestampField(c);
  const op = parseOperator(c);
  const q = readQuantity(c, { subject: 'timestamp', allow: ['time'], dflt: 'time' });
  return failing({ kind: 'timestamp', field, op, seconds: q.value }, at);
}

export function parseSize(c: Cursor): TestClause {
  const at = c.next();
  const op = parseOperator(c);
  const q = readQuantity(c, { subject: 'size', allow: ['bytes'], dflt: 'bytes' });
  return failing({ kind: 'size', op, bytes: Math.round(q.value) }, at);
}

/** `content = "re"`, `content != "re"`; legacy `match "re"`, `not match "re"`. */
export function readContent(c: Cursor, negated: boolean): { op: '=' | '!='; pattern: string } {
  const opTok = c.peek();
  const op = negated ? '!=' : parseOperator(c);
  if (op !== '=' && op !== '!=') c.report('TSM_E_RULE_SYNTAX', opTok, "content takes '=' or '!='");
  if (c.peek().kind !== 'string' && c.peek().text.startsWith('/')) c.unsupported(c.peek(), 'a file of regular expressions');
  const { pattern } = readRegex(c);
  return { op: op === '!=' ? '!=' : '=', pattern };
}

export function parseContent(c: Cursor, at: Token, negated: boolean): TestClause {
  const { op, pattern } = readContent(c, negated);
  return failing({ kind: 'content', op, pattern }, at);
}

/** `space [free] OP N (% | B..GB)`, `inode(s) [free] OP N [%]`. */
export function parseSpaceOrInode(c: Cursor): TestClause {
  const at = c.next();
  const free = c.accept('free') !== undefined;
  const op = parseOperator(c);
  if (at.value === 'space') {
    const q = readQuantity(c, { subject: 'space', allow: ['percent', 'bytes'] });
    const unit = q.kind === 'bytes' ? 'bytes' : 'percent';
    return failing({ kind: 'space', free, op, value: q.value, unit }, at);
  }
  const q = readQuantity(c, { subject: 'inode', allow: ['none', 'percent'] });
  return failing({ kind: 'inode', free, op, value: q.value, unit: q.kind === 'percent' ? 'percent' : 'count' }, at);
}

const CHECKSUM_ALGORITHMS = ['md5', 'sha1', 'sha256'] as const;
type Algorithm = (typeof CHECKSUM_ALGORITHMS)[number];

export function readAlgorithm(c: Cursor): Algorithm | undefined {
  return c.accept(...CHECKSUM_ALGORITHMS)?.value as Algorithm | undefined;
}

/** After `failed`: `[md5|sha1] checksum [md5|sha1] [expect HEX]`. */
export function parseFailedChecksum(c: Cursor, at: Token): TestClause {
  let algorithm = readAlgorithm(c);
  c.expect(['checksum']);
  algorithm ??= readAlgorithm(c);
  let test: Test = algorithm ? { kind: 'checksum', algorithm } : { kind: 'checksum' };
  if (c.accept('expect')) {
    const hex = c.expectValue('a checksum (hex digits)');
    const expect = valueOf(hex);
    if (!/^[0-9a-f]+$/i.test(expect)) c.report('TSM_E_VALUE', hex, `'${expect}' is not a hex checksum`);
    test = { ...test, expect };
  }
  return failing(test, at);
}

/** After `failed`: `perm[ission] OCTAL`. */
export function parseFailedPermission(c: Cursor, at: Token): TestClause {
  c.next();
  const v = c.expectValue('an octal permission such as 0644');
  const text = valueOf(v);
  if (!/^[0-7]{1,4}$/.test(text)) c.fail('an octal permission such as 0644', v);
  return failing({ kind: 'permission', mode: parseInt(text, 8) }, at);
}
