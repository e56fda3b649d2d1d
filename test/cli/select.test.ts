import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServiceStatus } from '../../src/daemon/facade.ts';
import { namesMatching, selectServices } from '../../src/cli/select.ts';

const NAMES = ['web', 'web-worker', 'db', 'Mail.Server', 'a+b'];

describe('namesMatching (monit 5.28: exact name, else an anchored case-insensitive regex)', () => {
  const cases: Array<[string, string[]]> = [
    ['web', ['web']],
    ['WEB', ['web']],
    ['web.*', ['web', 'web-worker']],
    ['^web', ['web', 'web-worker']],
    ['worker$', ['web-worker']],
    ['eb', []],
    ['all', NAMES],
    ['mail.server', ['Mail.Server']],
    ['a+b', ['a+b']],
    ['(', []],
    ['db|web', ['web', 'db']],
  ];
  for (const [pattern, expected] of cases) {
    test(pattern, () => assert.deepEqual(namesMatching(NAMES, pattern), expected));
  }
  test('a pattern that does not compile is compared literally', () => {
    assert.deepEqual(namesMatching(['x(', 'X('], 'x('), ['x(']);
    assert.deepEqual(namesMatching(['X('], 'x('), ['X(']);
  });
});

describe('selectServices', () => {
  const svc = (name: string, groups: string[]) => ({ name, groups }) as unknown as ServiceStatus;
  const all = [svc('web', ['www']), svc('api', ['www']), svc('db', [])];
  test('by group, by pattern, both', () => {
    assert.deepEqual(selectServices(all).map((s) => s.name), ['web', 'api', 'db']);
    assert.deepEqual(selectServices(all, undefined, 'www').map((s) => s.name), ['web', 'api']);
    assert.deepEqual(selectServices(all, 'a.*', 'www').map((s) => s.name), ['api']);
  });
  test('an empty selection is an error naming what was asked', () => {
    assert.throws(() => selectServices(all, 'nope'), { message: 'there is no service named "nope"' });
    assert.throws(() => selectServices(all, undefined, 'nope'), { message: 'there is no group named "nope"' });
    assert.throws(() => selectServices(all, 'db', 'www'), { message: 'there is no service named "db"' });
  });
});
