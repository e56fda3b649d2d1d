import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { expandGlob, hasMagic, segmentRegExp } from '../../src/config/glob.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/config/', import.meta.url));

describe('segmentRegExp', () => {
  const CASES: Array<[string, string, boolean]> = [
    ['*.yml', 'a.yml', true], ['*.yml', 'a.yaml', false], ['?.yml', 'ab.yml', false], ['[ab].yml', 'b.yml', true],
    ['[!ab].yml', 'b.yml', false], ['*.{yml,yaml}', 'x.yaml', true], ['a+b.yml', 'a+b.yml', true], ['a.yml', 'axyml', false],
  ];
  for (const [glob, name, match] of CASES) test(`${glob} ${match ? 'matches' : 'does not match'} ${name}`, () => assert.equal(segmentRegExp(glob).test(name), match));
  test('hasMagic', () => {
    assert.equal(hasMagic('conf.d/*.yml'), true);
    assert.equal(hasMagic('/etc/tsmonit/web.yml'), false);
  });
});

describe('expandGlob', () => {
  test('files only, sorted, relative to cwd', async () => {
    assert.deepEqual(await expandGlob('good/conf.d/*', FIXTURES), ['good/conf.d/a-web.yml', 'good/conf.d/b-db.yml', 'good/conf.d/readme.txt']);
    assert.deepEqual(await expandGlob('good/conf.d/*.yml', FIXTURES), ['good/conf.d/a-web.yml', 'good/conf.d/b-db.yml']);
  });
  test('** crosses directories', async () => {
    assert.deepEqual(await expandGlob('good/**/c.yml', FIXTURES), ['good/leaf/c.yml']);
  });
  test('absolute patterns and misses', async () => {
    assert.deepEqual(await expandGlob(`${FIXTURES}good/leaf/*.yml`, '/'), [`${FIXTURES}good/leaf/c.yml`]);
    assert.deepEqual(await expandGlob('nowhere/*.yml', FIXTURES), []);
    assert.deepEqual(await expandGlob('good/main.yml', FIXTURES), ['good/main.yml']);
  });
});
