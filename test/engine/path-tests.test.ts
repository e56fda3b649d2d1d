import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { observeRule } from '../../src/engine/observe-rule.ts';
import { pathTypeProblem } from '../../src/engine/path-tests.ts';
import type { Observation, PathStat } from '../../src/model/observation.ts';
import type { Polarity, Test } from '../../src/model/rule.ts';
import type { PathSpec } from '../../src/model/service.ts';
import { T0, rule } from './helpers.ts';
import { pathObs, pathSpec, stat } from './check-types-helpers.ts';

interface Case {
  name: string;
  type?: PathSpec['type'];
  test: Test;
  polarity?: Polarity;
  obs: Observation;
  /** true/false: the rule sees a failure or not; 'skip'; or the value of a `changed` test. */
  expect: boolean | 'skip' | { value: string | number };
  message?: RegExp;
}

const missing = pathObs(null);
const s = (over: Parameters<typeof stat>[0]) => pathObs(stat(over));

const cases: Case[] = [
  { name: 'missing file fails does not exist', test: { kind: 'nonexist' }, obs: missing, expect: true, message: /^file \/var\/log\/app.log does not exist \(no such file or directory\)$/ },
  { name: 'present file passes does not exist', test: { kind: 'nonexist' }, obs: s({}), expect: false, message: /exists/ },
  { name: 'if exist fails when present', test: { kind: 'exist' }, polarity: 'succeeded', obs: s({}), expect: true },
  { name: 'if exist passes when missing', test: { kind: 'exist' }, polarity: 'succeeded', obs: missing, expect: false },
  { name: 'directory missing', type: 'directory', test: { kind: 'nonexist' }, obs: missing, expect: true, message: /^directory / },
  { name: 'mtime older than a minute', test: { kind: 'timestamp', field: 'mtime', op: '>', seconds: 60 }, obs: s({}), expect: true, message: /modification time of \/var\/log\/app.log is 120 s old, matching \[mtime > 60 s\]/ },
  { name: 'mtime newer than limit', test: { kind: 'timestamp', field: 'mtime', op: '>', seconds: 300 }, obs: s({}), expect: false, message: /timestamp test succeeded .*120 s ago/ },
  { name: 'timestamp is the later of ctime and mtime', test: { kind: 'timestamp', field: 'any', op: '>', seconds: 90 }, obs: s({}), expect: false },
  { name: 'timestamp any uses ctime when later', test: { kind: 'timestamp', field: 'any', op: '<', seconds: 61 }, obs: s({}), expect: true },
  { name: 'atime', test: { kind: 'timestamp', field: 'atime', op: '<', seconds: 30 }, obs: s({}), expect: true },
  { name: 'a future mtime is 0 s old', test: { kind: 'timestamp', field: 'mtime', op: '>', seconds: 0 }, obs: s({ mtimeMs: T0 + 50_000 }), expect: false },
  { name: 'timestamp of a missing file is skipped', test: { kind: 'timestamp', field: 'mtime', op: '>', seconds: 1 }, obs: missing, expect: 'skip' },
  { name: 'size over', test: { kind: 'size', op: '>', bytes: 1024 }, obs: s({}), expect: true, message: /size of \/var\/log\/app.log is 2 kB, matching \[size > 1 kB\]/ },
  { name: 'size under', test: { kind: 'size', op: '>', bytes: 4096 }, obs: s({}), expect: false, message: /current size = 2 kB/ },
  { name: 'size equal', test: { kind: 'size', op: '=', bytes: 0 }, obs: s({ size: 0 }), expect: true },
  { name: 'permission differs', test: { kind: 'permission', mode: 0o640 }, obs: s({}), expect: true, message: /current permission is 0644, expected 0640/ },
  { name: 'permission matches', test: { kind: 'permission', mode: 0o644 }, obs: s({}), expect: false },
  { name: 'permission with setuid bits', test: { kind: 'permission', mode: 0o4755 }, obs: s({ mode: 0o4755 }), expect: false },
  { name: 'uid differs', test: { kind: 'identity', field: 'uid', expect: 33 }, obs: s({}), expect: true, message: /current uid is 0, expected 33/ },
  { name: 'uid as digits', test: { kind: 'identity', field: 'uid', expect: '0' }, obs: s({}), expect: false },
  { name: 'gid differs', test: { kind: 'identity', field: 'gid', expect: 4 }, obs: s({ gid: 5 }), expect: true },
  { name: 'unresolved name is skipped', test: { kind: 'identity', field: 'gid', expect: 'adm' }, obs: s({}), expect: 'skip' },
  { name: 'changed size value', test: { kind: 'changed', target: 'size' }, obs: s({}), expect: { value: 2048 } },
  { name: 'changed mtime value', test: { kind: 'changed', target: 'timestamp', field: 'mtime' }, obs: s({}), expect: { value: T0 - 120_000 } },
  { name: 'changed permission value', test: { kind: 'changed', target: 'permission' }, obs: s({ mode: 0o600 }), expect: { value: '0600' } },
  { name: 'fifo permission', type: 'fifo', test: { kind: 'permission', mode: 0o600 }, obs: s({ kind: 'fifo', mode: 0o600 }), expect: false },
];

describe('path tests through observeRule', () => {
  for (const c of cases) {
    test(c.name, () => {
      const r = rule(c.test, { polarity: c.polarity ?? 'failed' });
      const out = observeRule(pathSpec(c.type ?? 'file', { rules: [r] }), r, c.obs);
      if (c.expect === 'skip') return assert.equal(out.kind, 'skip');
      if (typeof c.expect === 'object') {
        assert.equal(out.kind, 'value');
        if (out.kind === 'value') assert.equal(out.value, c.expect.value);
        return;
      }
      assert.equal(out.kind, 'result');
      if (out.kind !== 'result') return;
      assert.equal(out.failed, c.expect);
      if (c.message) assert.match(out.message, c.message);
    });
  }
});

describe('pathTypeProblem', () => {
  const rows: Array<[PathSpec['type'], PathStat['kind'], boolean]> = [
    ['file', 'file', false], ['file', 'socket', false], ['file', 'directory', true], ['file', 'fifo', true],
    ['directory', 'directory', false], ['directory', 'file', true], ['fifo', 'fifo', false], ['fifo', 'file', true],
    ['filesystem', 'file', false],
  ];
  for (const [type, kind, problem] of rows) {
    test(`check ${type} on a ${kind}: ${problem ? 'invalid' : 'fine'}`, () => {
      const found = pathTypeProblem(type, pathObs(stat({ kind })).path);
      assert.equal(found !== null, problem);
      if (problem) assert.match(found ?? '', new RegExp(`is not a.* \\(it is a ${kind}\\)`));
    });
  }
  test('a missing path has no type problem (it does not exist)', () => {
    assert.equal(pathTypeProblem('file', pathObs(null).path), null);
  });
});
