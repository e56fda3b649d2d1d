import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { selectMatching } from '../../src/engine/process-matching.ts';
import { T0, proc } from './helpers.ts';

const pids = (list: { pid: number }[]) => list.map((p) => p.pid);

describe('selectMatching', () => {
  test('a match whose parent matches is never chosen', () => {
    const table = [
      proc({ pid: 10, startTime: T0 - 100, cmdline: 'redis-server *:6379' }),
      proc({ pid: 11, ppid: 10, startTime: T0 - 900, cmdline: 'redis-server *:6379 [bgsave]' }),
    ];
    const r = selectMatching(/redis-server/, table, 1);
    assert.equal(r.chosen?.pid, 10);
    assert.deepEqual(pids(r.matches), [10, 11]);
  });

  test('oldest first, then lowest pid', () => {
    const table = [
      proc({ pid: 30, startTime: T0 - 100, cmdline: 'worker' }),
      proc({ pid: 20, startTime: T0 - 100, cmdline: 'worker' }),
      proc({ pid: 40, startTime: T0 - 50, cmdline: 'worker' }),
    ];
    assert.equal(selectMatching(/worker/, table, 1).chosen?.pid, 20);
  });

  test('excludes tsmonit itself and its ancestors, not its children', () => {
    const table = [
      proc({ pid: 1, ppid: 0, startTime: T0 - 10_000, cmdline: '/sbin/init' }),
      proc({ pid: 90, ppid: 1, startTime: T0 - 9_000, cmdline: 'sudo tsmonit procmatch memcached' }),
      proc({ pid: 91, ppid: 90, startTime: T0 - 8_000, cmdline: 'node tsmonit procmatch memcached' }),
      proc({ pid: 92, ppid: 91, startTime: T0 - 100, cmdline: 'memcached -p 11211' }),
    ];
    const r = selectMatching(/memcached/, table, 91);
    assert.equal(r.chosen?.pid, 92);
    assert.deepEqual(pids(r.matches), [92]);
  });

  test('zombies are listed but never chosen', () => {
    const table = [proc({ pid: 5, state: 'Z', startTime: T0 - 999, cmdline: 'app' }), proc({ pid: 6, cmdline: 'app' })];
    const r = selectMatching(/app/, table, 1);
    assert.equal(r.chosen?.pid, 6);
    assert.deepEqual(pids(r.matches), [5, 6]);
  });

  test('a global regex gives the same answer every time', () => {
    const table = [proc({ pid: 5, cmdline: 'app' })];
    const g = /app/g;
    assert.equal(selectMatching(g, table, 1).chosen?.pid, 5);
    assert.equal(selectMatching(g, table, 1).chosen?.pid, 5);
  });

  test('nothing matches', () => {
    assert.deepEqual(selectMatching(/nope/, [proc({ pid: 5 })], 1), { chosen: null, matches: [] });
  });
});
