import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checksumAlgorithm, checksumOutcome, checksumsNeeded, changedChecksumOutcome } from '../../src/engine/checksum-tests.ts';
import type { Test } from '../../src/model/rule.ts';
import { rule } from './helpers.ts';
import { pathObs, stat } from './check-types-helpers.ts';

const MD5 = 'd41d8cd98f00b204e9800998ecf8427e';
const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('checksumAlgorithm', () => {
  const rows: Array<[Parameters<typeof checksumAlgorithm>[0], string]> = [
    [{}, 'md5'], [{ algorithm: 'sha1' }, 'sha1'], [{ expect: MD5 }, 'md5'], [{ expect: SHA1 }, 'sha1'],
    [{ expect: SHA256 }, 'sha256'], [{ algorithm: 'sha256', expect: MD5 }, 'sha256'],
  ];
  for (const [t, algo] of rows) test(`${JSON.stringify(t)} -> ${algo}`, () => assert.equal(checksumAlgorithm(t), algo));
});

describe('checksumsNeeded', () => {
  test('one digest per algorithm the rules use; changed checksum follows the failed rule', () => {
    const rules = [
      rule({ kind: 'checksum', algorithm: 'sha256' }, { id: 'a' }),
      rule({ kind: 'changed', target: 'checksum' }, { id: 'b' }),
      rule({ kind: 'checksum', expect: SHA1 }, { id: 'c' }),
    ];
    assert.deepEqual(checksumsNeeded(rules).sort(), ['sha1', 'sha256']);
    assert.deepEqual(checksumsNeeded([rule({ kind: 'changed', target: 'checksum' })]), ['md5']);
    assert.deepEqual(checksumsNeeded([rule({ kind: 'size', op: '>', bytes: 1 })]), []);
  });
});

describe('checksumOutcome', () => {
  const withMd5 = (digest: string) => pathObs(stat(), { checksums: { md5: digest } }).path!;
  const t = (over: Partial<Extract<Test, { kind: 'checksum' }>> = {}) => ({ kind: 'checksum' as const, ...over });

  test('with expect: equal passes, different fails naming both', () => {
    assert.deepEqual(checksumOutcome(t({ expect: MD5 }), withMd5(MD5), undefined).kind, 'result');
    const ok = checksumOutcome(t({ expect: MD5.toUpperCase() }), withMd5(MD5), undefined);
    assert.ok(ok.kind === 'result' && !ok.failed, 'expect is compared case-insensitively');
    const bad = checksumOutcome(t({ expect: MD5 }), withMd5('0'.repeat(32)), undefined);
    assert.ok(bad.kind === 'result' && bad.failed);
    assert.match(bad.kind === 'result' ? bad.message : '', /MD5 is 0{32}, expected d41d8/);
  });
  test('without expect the first digest becomes the reference; a later different one fails', () => {
    const first = checksumOutcome(t(), withMd5(MD5), undefined);
    assert.ok(first.kind === 'result' && !first.failed);
    assert.equal(first.kind === 'result' ? first.reference : undefined, MD5);
    const same = checksumOutcome(t(), withMd5(MD5), MD5);
    assert.ok(same.kind === 'result' && !same.failed);
    const other = checksumOutcome(t(), withMd5('f'.repeat(32)), MD5);
    assert.ok(other.kind === 'result' && other.failed);
  });
  test('a digest that could not be computed fails with the reason', () => {
    const out = checksumOutcome(t(), pathObs(stat(), { checksumError: 'EACCES: permission denied' }).path!, undefined);
    assert.ok(out.kind === 'result' && out.failed);
    assert.match(out.kind === 'result' ? out.message : '', /cannot be computed \(EACCES/);
  });
  test('changed checksum is a value; a directory has none (skipped)', () => {
    const out = changedChecksumOutcome([], withMd5(MD5));
    assert.equal(out.kind === 'value' ? out.value : null, MD5);
    assert.equal(changedChecksumOutcome([], pathObs(stat({ kind: 'directory' })).path!).kind, 'skip');
  });
});
