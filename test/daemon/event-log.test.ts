import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventLog } from '../../src/daemon/event-log.ts';
import { programEnvironment } from '../../src/daemon/program-env.ts';

test('the event log: increasing ids, newest first, filters, bounded', () => {
  const log = new EventLog(5);
  const seen: number[] = [];
  const off = log.subscribe((e) => seen.push(e.id));
  for (let i = 0; i < 7; i++) {
    log.record({ service: i % 2 ? 'a' : 'b', kind: i === 3 ? 'nonexist' : 'action', state: 'info', message: `m${i}` }, 1000 + i);
  }
  off();
  log.record({ service: 'a', kind: 'action', state: 'info', message: 'after' }, 2000);
  assert.deepEqual(seen, [1, 2, 3, 4, 5, 6, 7], 'listeners see every event until they unsubscribe');
  assert.deepEqual(log.query().map((e) => e.id), [8, 7, 6, 5, 4], 'bounded to the capacity, newest first');
  assert.deepEqual(log.query({ service: 'a' }).map((e) => e.id), [8, 6, 4]);
  assert.deepEqual(log.query({ kind: 'nonexist' }).map((e) => e.message), ['m3']);
  assert.deepEqual(log.query({ sinceId: 6 }).map((e) => e.id), [8, 7]);
  assert.deepEqual(log.query({ limit: 2 }).map((e) => e.id), [8, 7]);
  assert.equal(log.query({ limit: 1 })[0]!.time, new Date(2000).toISOString());
});

test('programs get MONIT_* and TSMONIT_* variables', () => {
  const env = programEnvironment({
    service: 'web', event: 'rule', description: 'process is not running', host: 'box', now: 0,
    process: { pid: 42, ppid: 1, startTime: 0, uptimeS: 1, uid: 0, euid: 0, gid: 0, threads: 1, children: 3, cpuPercent: 12.345,
      cpuTotalPercent: 20, memoryBytes: 2048 * 1024, memoryPercent: 1, memoryTotalBytes: 0, memoryTotalPercent: 0, cmdline: 'x' },
  });
  for (const prefix of ['MONIT_', 'TSMONIT_']) {
    assert.equal(env[`${prefix}SERVICE`], 'web');
    assert.equal(env[`${prefix}DESCRIPTION`], 'process is not running');
    assert.equal(env[`${prefix}HOST`], 'box');
    assert.equal(env[`${prefix}PROCESS_PID`], '42');
    assert.equal(env[`${prefix}PROCESS_MEMORY`], '2048', 'kB as monit');
    assert.equal(env[`${prefix}PROCESS_CHILDREN`], '3');
    assert.equal(env[`${prefix}PROCESS_CPU_PERCENT`], '12.3');
  }
});
