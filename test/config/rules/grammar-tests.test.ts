// Every test form of the grammar, per check type -> the typed Test and polarity.
import { describe, test } from 'node:test';
import type { Polarity, Test } from '../../../src/model/rule.ts';
import type { ServiceType } from '../../../src/model/service.ts';
import { assertFields, parseOk, ruleOf } from './helpers.ts';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

const CASES: Array<[string, ServiceType, Test, Polarity?]> = [
  // existence
  ['if does not exist then restart', 'process', { kind: 'nonexist' }],
  ['if not exist then alert', 'file', { kind: 'nonexist' }],
  ['if does not exists then alert', 'fifo', { kind: 'nonexist' }],
  ['if exist then alert', 'process', { kind: 'exist' }, 'succeeded'],
  ['if exists then alert', 'directory', { kind: 'exist' }, 'succeeded'],
  // process
  ['if changed pid then alert', 'process', { kind: 'changed', target: 'pid' }],
  ['if changed ppid then alert', 'process', { kind: 'changed', target: 'ppid' }],
  ['if uptime > 3 days then restart', 'process', { kind: 'uptime', op: '>', seconds: 3 * 86_400 }],
  ['if uptime < 30 then alert', 'process', { kind: 'uptime', op: '<', seconds: 30 }],
  ['if cpu > 50% then alert', 'process', { kind: 'resource', resource: 'cpu', op: '>', value: 50, unit: 'percent' }],
  ['if cpu > 50 then alert', 'process', { kind: 'resource', resource: 'cpu', op: '>', value: 50, unit: 'percent' }],
  ['if total cpu > 80% then alert', 'process', { kind: 'resource', resource: 'totalcpu', op: '>', value: 80, unit: 'percent' }],
  ['if totalcpu > 80% then alert', 'process', { kind: 'resource', resource: 'totalcpu', op: '>', value: 80, unit: 'percent' }],
  ['if memory > 80% then alert', 'process', { kind: 'resource', resource: 'memory', op: '>', value: 80, unit: 'percent' }],
  ['if memory > 200 MB then alert', 'process', { kind: 'resource', resource: 'memory', op: '>', value: 200 * MB, unit: 'bytes' }],
  ['if mem > 1.5 GB then alert', 'process', { kind: 'resource', resource: 'memory', op: '>', value: 1.5 * GB, unit: 'bytes' }],
  ['if total memory > 100 MB then alert', 'process', { kind: 'resource', resource: 'totalmemory', op: '>', value: 100 * MB, unit: 'bytes' }],
  ['if totalmem > 10% then alert', 'process', { kind: 'resource', resource: 'totalmemory', op: '>', value: 10, unit: 'percent' }],
  ['if children > 20 then alert', 'process', { kind: 'resource', resource: 'children', op: '>', value: 20, unit: 'count' }],
  ['if threads > 50 then alert', 'process', { kind: 'resource', resource: 'threads', op: '>', value: 50, unit: 'count' }],
  ['if loadavg (1min) > 4 then alert', 'process', { kind: 'resource', resource: 'loadavg1', op: '>', value: 4, unit: 'load' }],
  ['if loadavg(5min) > 3 then alert', 'process', { kind: 'resource', resource: 'loadavg5', op: '>', value: 3, unit: 'load' }],
  ['if loadavg (15m) > 2.5 then alert', 'system', { kind: 'resource', resource: 'loadavg15', op: '>', value: 2.5, unit: 'load' }],
  ['if loadavg > 2 then alert', 'system', { kind: 'resource', resource: 'loadavg1', op: '>', value: 2, unit: 'load' }],
  ['if loadavg (1min) per core > 1.5 then alert', 'system', { kind: 'resource', resource: 'loadavg1', op: '>', value: 1.5, unit: 'load', perCore: true }],
  ['if filedescriptors > 800 then alert', 'process', { kind: 'resource', resource: 'filedescriptors', op: '>', value: 800, unit: 'count' }],
  ['if filedescriptors > 90% then alert', 'process', { kind: 'resource', resource: 'filedescriptors', op: '>', value: 90, unit: 'percent' }],
  ['if total filedescriptors > 80 % then alert', 'process', { kind: 'resource', resource: 'totalfiledescriptors', op: '>', value: 80, unit: 'percent' }],
  ['if failed uid root then alert', 'process', { kind: 'identity', field: 'uid', expect: 'root' }],
  ['if failed euid 0 then alert', 'process', { kind: 'identity', field: 'euid', expect: 0 }],
  ['if failed gid "www-data" then alert', 'process', { kind: 'identity', field: 'gid', expect: 'www-data' }],
  // system
  ['if cpu usage > 95% then alert', 'system', { kind: 'resource', resource: 'cpu', op: '>', value: 95, unit: 'percent' }],
  ['if cpu user > 70% then alert', 'system', { kind: 'resource', resource: 'cpuuser', op: '>', value: 70, unit: 'percent' }],
  ['if cpu(system) > 30% then alert', 'system', { kind: 'resource', resource: 'cpusystem', op: '>', value: 30, unit: 'percent' }],
  ['if cpu wait > 20% then alert', 'system', { kind: 'resource', resource: 'cpuwait', op: '>', value: 20, unit: 'percent' }],
  ['if cpu (wa) > 20% then alert', 'system', { kind: 'resource', resource: 'cpuwait', op: '>', value: 20, unit: 'percent' }],
  ['if cpuusr > 20% then alert', 'system', { kind: 'resource', resource: 'cpuuser', op: '>', value: 20, unit: 'percent' }],
  ['if memory usage > 90% then alert', 'system', { kind: 'resource', resource: 'memory', op: '>', value: 90, unit: 'percent' }],
  ['if swap usage > 50% then alert', 'system', { kind: 'resource', resource: 'swap', op: '>', value: 50, unit: 'percent' }],
  ['if swap > 1 GB then alert', 'system', { kind: 'resource', resource: 'swap', op: '>', value: GB, unit: 'bytes' }],
  ['if uptime < 1 hour then alert', 'system', { kind: 'uptime', op: '<', seconds: 3600 }],
  ['if filedescriptors > 90% then alert', 'system', { kind: 'resource', resource: 'filedescriptors', op: '>', value: 90, unit: 'percent' }],
  // file / directory / fifo
  ['if timestamp > 5 minutes then alert', 'file', { kind: 'timestamp', field: 'any', op: '>', seconds: 300 }],
  ['if timestamp older than 1 hour then alert', 'file', { kind: 'timestamp', field: 'any', op: '>', seconds: 3600 }],
  ['if time newer than 10 seconds then alert', 'directory', { kind: 'timestamp', field: 'any', op: '<', seconds: 10 }],
  ['if atime > 2 days then alert', 'file', { kind: 'timestamp', field: 'atime', op: '>', seconds: 2 * 86_400 }],
  ['if ctime > 2 days then alert', 'fifo', { kind: 'timestamp', field: 'ctime', op: '>', seconds: 2 * 86_400 }],
  ['if mtime > 2 days then alert', 'file', { kind: 'timestamp', field: 'mtime', op: '>', seconds: 2 * 86_400 }],
  ['if access time > 1 day then alert', 'file', { kind: 'timestamp', field: 'atime', op: '>', seconds: 86_400 }],
  ['if change timestamp > 1 day then alert', 'file', { kind: 'timestamp', field: 'ctime', op: '>', seconds: 86_400 }],
  ['if modification time > 1 day then alert', 'file', { kind: 'timestamp', field: 'mtime', op: '>', seconds: 86_400 }],
  ['if modify time > 1 day then alert', 'file', { kind: 'timestamp', field: 'mtime', op: '>', seconds: 86_400 }],
  ['if changed timestamp then alert', 'file', { kind: 'changed', target: 'timestamp', field: 'any' }],
  ['if changed mtime then alert', 'directory', { kind: 'changed', target: 'timestamp', field: 'mtime' }],
  ['if size > 100 MB then alert', 'file', { kind: 'size', op: '>', bytes: 100 * MB }],
  ['if size > 4096 then alert', 'file', { kind: 'size', op: '>', bytes: 4096 }],
  ['if changed size then alert', 'file', { kind: 'changed', target: 'size' }],
  ['if failed checksum then alert', 'file', { kind: 'checksum' }],
  ['if failed md5 checksum expect 8f3a8f3a8f3a8f3a8f3a8f3a8f3a8f3a then alert', 'file', { kind: 'checksum', algorithm: 'md5', expect: '8f3a8f3a8f3a8f3a8f3a8f3a8f3a8f3a' }],
  ['if failed checksum sha1 then alert', 'file', { kind: 'checksum', algorithm: 'sha1' }],
  ['if changed sha1 checksum then alert', 'file', { kind: 'changed', target: 'checksum' }],
  ['if changed checksum then alert', 'file', { kind: 'changed', target: 'checksum' }],
  ['if failed permission 0644 then alert', 'file', { kind: 'permission', mode: 0o644 }],
  ['if failed perm 755 then alert', 'directory', { kind: 'permission', mode: 0o755 }],
  ['if changed permission then alert', 'fifo', { kind: 'changed', target: 'permission' }],
  ['if failed uid www then alert', 'file', { kind: 'identity', field: 'uid', expect: 'www' }],
  ['if failed gid 33 then alert', 'directory', { kind: 'identity', field: 'gid', expect: 33 }],
  ['if content = "ERROR" then alert', 'file', { kind: 'content', op: '=', pattern: 'ERROR' }],
  ['if content != "^OK\\s" then alert', 'file', { kind: 'content', op: '!=', pattern: '^OK\\s' }],
  ['if match "panic" then alert', 'file', { kind: 'content', op: '=', pattern: 'panic' }],
  ['if not match "ready" then alert', 'file', { kind: 'content', op: '!=', pattern: 'ready' }],
  // filesystem
  ['if space usage > 80% then alert', 'filesystem', { kind: 'space', free: false, op: '>', value: 80, unit: 'percent' }],
  ['if space free < 1 GB then alert', 'filesystem', { kind: 'space', free: true, op: '<', value: GB, unit: 'bytes' }],
  ['if inode usage > 90% then alert', 'filesystem', { kind: 'inode', free: false, op: '>', value: 90, unit: 'percent' }],
  ['if inodes free < 1000 then alert', 'filesystem', { kind: 'inode', free: true, op: '<', value: 1000, unit: 'count' }],
  ['if changed fsflags then alert', 'filesystem', { kind: 'changed', target: 'fsflags' }],
  ['if failed permission 0755 then alert', 'filesystem', { kind: 'permission', mode: 0o755 }],
  // program
  ['if status != 0 then alert', 'program', { kind: 'status', op: '!=', value: 0 }],
  ['if status 3 then alert', 'program', { kind: 'status', op: '=', value: 3 }],
  ['if changed status then alert', 'program', { kind: 'changed', target: 'status' }],
  ['if content = "FAIL" then alert', 'program', { kind: 'content', op: '=', pattern: 'FAIL' }],
  ['if content changed then alert', 'program', { kind: 'changed', target: 'content' }],
  // network
  ['if link down then alert', 'network', { kind: 'link', state: 'down' }],
  ['if link up then alert', 'network', { kind: 'link', state: 'up' }, 'succeeded'],
  ['if failed link then alert', 'network', { kind: 'link', state: 'down' }],
  ['if changed link capacity then alert', 'network', { kind: 'changed', target: 'link' }],
  ['if saturation > 90% then alert', 'network', { kind: 'saturation', op: '>', percent: 90 }],
  ['if upload > 10 MB/s then alert', 'network', { kind: 'traffic', direction: 'upload', op: '>', value: 10 * MB, unit: 'bytes' }],
  ['if download > 500 kB then alert', 'network', { kind: 'traffic', direction: 'download', op: '>', value: 500 * 1024, unit: 'bytes' }],
  ['if download > 1000 packets/s then alert', 'network', { kind: 'traffic', direction: 'download', op: '>', value: 1000, unit: 'packets' }],
];

describe('rule tests by check type', () => {
  for (const [text, type, expected, polarity = 'failed'] of CASES) {
    test(`${type}: ${text}`, () => {
      assertFields(ruleOf(text, type), { test: expected, polarity }, text);
    });
  }
});

describe('chained resource clauses', () => {
  test('cpu and memory in one rule give two rules with one action', () => {
    const parsed = parseOk('if cpu > 50% memory > 80% for 3 cycles then restart', 'process');
    assertFields({ n: parsed.length }, { n: 2 }, 'count');
    const [a, b] = parsed.map((p) => (p.type === 'rule' ? p.rule : undefined));
    assertFields(a ?? {}, { test: CASES[9]?.[2], rate: { count: 3, cycles: 3 }, action: { type: 'restart' } }, 'first');
    assertFields(b ?? {}, { test: { kind: 'resource', resource: 'memory', op: '>', value: 80, unit: 'percent' }, rate: { count: 3, cycles: 3 }, action: { type: 'restart' } }, 'second');
  });
  test('system loadavg, cpu and memory chain', () => {
    const parsed = parseOk('if loadavg (5min) > 3 cpu > 90% memory > 2 GB then alert', 'system');
    assertFields({ kinds: parsed.map((p) => (p.type === 'rule' && p.rule.test.kind === 'resource' ? p.rule.test.resource : '')) }, { kinds: ['loadavg5', 'cpu', 'memory'] }, 'chain');
  });
});
