import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { observeRule } from '../../src/engine/observe-rule.ts';
import type { Observation } from '../../src/model/observation.ts';
import type { Test } from '../../src/model/rule.ts';
import { rule } from './helpers.ts';
import { fsFigures, fsObs, pathSpec, stat } from './check-types-helpers.ts';

// 1000 blocks of 4 KiB: 300 free (250 for users), so 70% used, 25% free for users; 100 inodes, 40 free.
const fs = fsObs(fsFigures());

const cases: Array<{ name: string; test: Test; obs?: Observation; expect: boolean | 'skip' | { value: string }; message?: RegExp }> = [
  { name: 'space usage % over', test: { kind: 'space', free: false, op: '>', value: 60, unit: 'percent' }, expect: true, message: /^space usage 70% on \/data matches resource limit \[space > 60%\]$/ },
  { name: 'space usage % under', test: { kind: 'space', free: false, op: '>', value: 80, unit: 'percent' }, expect: false, message: /current space usage = 70%/ },
  { name: 'space usage bytes', test: { kind: 'space', free: false, op: '>=', value: 700 * 4096, unit: 'bytes' }, expect: true, message: /2\.7 MB/ },
  { name: 'space free % (for users) under', test: { kind: 'space', free: true, op: '<', value: 30, unit: 'percent' }, expect: true, message: /space free 25%/ },
  { name: 'space free bytes', test: { kind: 'space', free: true, op: '<', value: 250 * 4096, unit: 'bytes' }, expect: false },
  { name: 'inode usage %', test: { kind: 'inode', free: false, op: '>', value: 50, unit: 'percent' }, expect: true, message: /inode usage 60%/ },
  { name: 'inode free count', test: { kind: 'inode', free: true, op: '<', value: 41, unit: 'count' }, expect: true, message: /inode free 40 .*\[inode free < 41\]/ },
  { name: 'inode usage count', test: { kind: 'inode', free: false, op: '>', value: 60, unit: 'count' }, expect: false },
  { name: 'no inode figures (btrfs-like): skipped', test: { kind: 'inode', free: false, op: '>', value: 1, unit: 'percent' }, obs: fsObs(fsFigures({ inodes: 0, inodesFree: 0 })), expect: 'skip' },
  { name: 'not mounted: space skipped', test: { kind: 'space', free: false, op: '>', value: 1, unit: 'percent' }, obs: fsObs(null), expect: 'skip' },
  { name: 'not mounted: does not exist fails', test: { kind: 'nonexist' }, obs: fsObs(null), expect: true, message: /not available \(not mounted\)/ },
  { name: 'mounted: exists', test: { kind: 'nonexist' }, expect: false, message: /is mounted \(\/dev\/sdb1\)/ },
  { name: 'changed fsflags value', test: { kind: 'changed', target: 'fsflags' }, expect: { value: 'rw,relatime' } },
  { name: 'permission of the mount point', test: { kind: 'permission', mode: 0o700 }, obs: fsObs(fsFigures(), stat({ kind: 'directory', mode: 0o755 })), expect: true },
  { name: 'uid of the mount point', test: { kind: 'identity', field: 'uid', expect: 0 }, expect: false },
];

describe('filesystem tests through observeRule', () => {
  for (const c of cases) {
    test(c.name, () => {
      const r = rule(c.test);
      const out = observeRule(pathSpec('filesystem', { path: '/data', rules: [r] }), r, c.obs ?? fs);
      if (c.expect === 'skip') return assert.equal(out.kind, 'skip');
      if (typeof c.expect === 'object') return assert.equal(out.kind === 'value' ? out.value : undefined, c.expect.value);
      assert.ok(out.kind === 'result', `expected a result, got ${out.kind}`);
      if (out.kind !== 'result') return;
      assert.equal(out.failed, c.expect);
      if (c.message) assert.match(out.message, c.message);
    });
  }
});
