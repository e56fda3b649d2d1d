import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fileContentOutcome, notIgnored, programContentOutcome, QUOTED_LINES } from '../../src/engine/content-tests.ts';
import type { ContentIgnore } from '../../src/model/rule.ts';
import { contentObs, program } from './check-types-helpers.ts';

const ig = (op: '=' | '!=', pattern: string): ContentIgnore => ({ text: `ignore content ${op} "${pattern}"`, op, pattern });

describe('notIgnored', () => {
  const lines = ['ERROR disk full', 'ERROR expected: test run', 'INFO ok', 'WARN slow'];
  const rows: Array<[string, ContentIgnore[], string[]]> = [
    ['no ignore rule keeps all', [], lines],
    ['= drops matching lines', [ig('=', 'expected')], ['ERROR disk full', 'INFO ok', 'WARN slow']],
    ['!= drops lines that do not match', [ig('!=', '^ERROR')], ['ERROR disk full', 'ERROR expected: test run']],
    ['rules combine', [ig('!=', '^ERROR'), ig('=', 'expected')], ['ERROR disk full']],
  ];
  for (const [name, ignores, kept] of rows) test(name, () => assert.deepEqual(notIgnored(lines, ignores), kept));
});

describe('fileContentOutcome', () => {
  const content = (lines: string[]) => contentObs(lines).path!.content;
  test('= fails on matching new lines and quotes them', () => {
    const out = fileContentOutcome({ op: '=', pattern: 'ERROR' }, '/l', content(['INFO a', 'ERROR b', 'ERROR c']), []);
    assert.ok(out.kind === 'result' && out.failed);
    assert.equal(out.kind === 'result' ? out.message : '', 'content match on /l:\nERROR b\nERROR c');
  });
  test('ignored lines never match', () => {
    const out = fileContentOutcome({ op: '=', pattern: 'ERROR' }, '/l', content(['ERROR expected']), [ig('=', 'expected')]);
    assert.ok(out.kind === 'result' && !out.failed);
  });
  test('no new lines is a success (a recovery after a match)', () => {
    const out = fileContentOutcome({ op: '=', pattern: 'ERROR' }, '/l', content([]), []);
    assert.ok(out.kind === 'result' && !out.failed);
    assert.match(out.kind === 'result' ? out.message : '', /0 new lines/);
  });
  test('!= fails on lines that do not match', () => {
    const out = fileContentOutcome({ op: '!=', pattern: '^\\d{4}-' }, '/l', content(['2024-01-01 ok', 'garbage']), []);
    assert.ok(out.kind === 'result' && out.failed);
    assert.match(out.kind === 'result' ? out.message : '', /^content doesn't match on \/l:\ngarbage$/);
  });
  test(`at most ${QUOTED_LINES} lines are quoted, the rest counted`, () => {
    const lines = Array.from({ length: QUOTED_LINES + 3 }, (_, i) => `ERROR ${i}`);
    const out = fileContentOutcome({ op: '=', pattern: 'ERROR' }, '/l', content(lines), []);
    assert.match(out.kind === 'result' ? out.message : '', /\.\.\. and 3 more lines$/);
  });
  test('no content read, or a read error: skipped', () => {
    assert.equal(fileContentOutcome({ op: '=', pattern: 'x' }, '/l', undefined, []).kind, 'skip');
    assert.equal(fileContentOutcome({ op: '=', pattern: 'x' }, '/l', { ...content([])!, error: 'EACCES' }, []).kind, 'skip');
  });
});

describe('programContentOutcome', () => {
  const rows: Array<[string, '=' | '!=', string, string, boolean]> = [
    ['= matches the whole output', '=', 'CRITICAL', 'line 1\nCRITICAL: down\n', true],
    ['= no match', '=', 'CRITICAL', 'all good\n', false],
    ['!= fails when it does not match', '!=', '^OK', 'WARN\n', true],
    ['!= passes when it matches', '!=', '^OK', 'OK all\n', false],
  ];
  for (const [name, op, pattern, output, failed] of rows) {
    test(name, () => {
      const out = programContentOutcome({ op, pattern }, program({ output }));
      assert.ok(out.kind === 'result');
      assert.equal(out.kind === 'result' && out.failed, failed);
    });
  }
  test('a program that could not start is left to the status rules', () => {
    assert.equal(programContentOutcome({ op: '!=', pattern: 'x' }, program({ error: 'ENOENT', exitCode: null })).kind, 'skip');
  });
});
