import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveProcess } from '../../src/engine/process-identity.ts';
import type { PidfileRead } from '../../src/model/observation.ts';
import type { ProcessIdentity } from '../../src/model/state.ts';
import { T0, fakeSnapshot, proc, processSpec } from './helpers.ts';

const START = T0 - 60_000;
const snapshot = fakeSnapshot([
  proc({ pid: 1, startTime: T0 - 86_400_000, cmdline: '/sbin/init' }),
  proc({ pid: 42, startTime: START, cmdline: '/usr/sbin/web -d' }),
  proc({ pid: 66, startTime: START, state: 'Z', cmdline: '' }),
]);
const pidfile = (pid: number | null, mtimeMs: number | null, error?: string): PidfileRead =>
  error ? { path: '/run/web.pid', pid, mtimeMs, error } : { path: '/run/web.pid', pid, mtimeMs };

interface Case {
  name: string;
  read: PidfileRead | undefined;
  previous: ProcessIdentity | null;
  found: number | null;
  detail: RegExp;
  zombie?: boolean;
}

const cases: Case[] = [
  { name: 'pidfile written after the process started: found', read: pidfile(42, START + 200), previous: null, found: 42, detail: /pidfile \/run\/web.pid names pid 42/ },
  { name: 'pidfile written just before the start time rounds up: within the 1 s slack', read: pidfile(42, START - 800), previous: null, found: 42, detail: /names pid 42/ },
  { name: 'pidfile missing', read: pidfile(null, null, 'missing'), previous: null, found: null, detail: /pidfile \/run\/web.pid does not exist/ },
  { name: 'pidfile unreadable', read: pidfile(null, null, 'EACCES'), previous: null, found: null, detail: /cannot be used \(EACCES\)/ },
  { name: 'pidfile not read at all', read: undefined, previous: null, found: null, detail: /was not read/ },
  { name: 'pid not running', read: pidfile(4242, T0), previous: null, found: null, detail: /pid 4242 from pidfile \/run\/web.pid is not running/ },
  { name: 'zombie', read: pidfile(66, T0), previous: null, found: null, detail: /pid 66 is a zombie/, zombie: true },
  { name: 'same pid, same start time (within 50 ms): found even with an old pidfile', read: pidfile(42, START - 3_600_000), previous: { pid: 42, startTime: START + 30 }, found: 42, detail: /names pid 42/ },
  { name: 'same pid, another start time: reused', read: pidfile(42, T0), previous: { pid: 42, startTime: START - 500_000 }, found: null, detail: /pid 42 was reused by another process/ },
  { name: 'first sight, started after the pidfile was written: stale', read: pidfile(42, START - 5_000), previous: null, found: null, detail: /pid 42 started after the pidfile was written \(stale pidfile\)/ },
  { name: 'previous identity of another pid: first-sight rules apply', read: pidfile(42, START - 5_000), previous: { pid: 7, startTime: START }, found: null, detail: /stale pidfile/ },
  { name: 'unknown mtime: accepted on first sight', read: pidfile(42, null), previous: null, found: 42, detail: /names pid 42/ },
];

describe('resolveProcess by pidfile', () => {
  for (const c of cases) {
    test(c.name, () => {
      const r = resolveProcess(processSpec(), c.read, snapshot, c.previous, 999);
      assert.equal(r.found?.pid ?? null, c.found);
      assert.match(r.detail, c.detail);
      assert.equal(r.zombie ?? false, c.zombie ?? false);
    });
  }
});

describe('resolveProcess by matching', () => {
  const spec = (matching: string) => processSpec({ pidfile: undefined, matching });
  test('the longest running parent-less match', () => {
    const snap = fakeSnapshot([
      proc({ pid: 10, startTime: T0 - 1_000_000, cmdline: 'nginx: master process' }),
      proc({ pid: 11, ppid: 10, startTime: T0 - 2_000_000, cmdline: 'nginx: worker process' }),
      proc({ pid: 20, startTime: T0 - 500_000, cmdline: 'nginx: master process -c other' }),
    ]);
    const r = resolveProcess(spec('nginx'), undefined, snap, null, 999);
    assert.equal(r.found?.pid, 10);
    assert.match(r.detail, /pid 10 matches \/nginx\/ \(the longest running of 3 matches\)/);
  });
  test('an invalid regex, no match, a zombie', () => {
    assert.match(resolveProcess(spec('(('), undefined, snapshot, null, 999).detail, /does not compile/);
    assert.match(resolveProcess(spec('memcached'), undefined, snapshot, null, 999).detail, /no process matches \/memcached\//);
    const zsnap = fakeSnapshot([proc({ pid: 5, state: 'Z', cmdline: 'memcached' })]);
    const z = resolveProcess(spec('memcached'), undefined, zsnap, null, 999);
    assert.equal(z.found, null);
    assert.equal(z.zombie, true);
  });
  test('neither pidfile nor matching', () => {
    const r = resolveProcess(processSpec({ pidfile: undefined }), undefined, snapshot, null, 999);
    assert.equal(r.found, null);
    assert.match(r.detail, /no pidfile or matching/);
  });
});
