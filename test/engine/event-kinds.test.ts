import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventKindOf } from '../../src/engine/event-kinds.ts';
import type { EventKind } from '../../src/model/event.ts';
import type { Test } from '../../src/model/rule.ts';

const cases: Array<[Test, EventKind]> = [
  [{ kind: 'nonexist' }, 'nonexist'],
  [{ kind: 'exist' }, 'exist'],
  [{ kind: 'connection', target: { type: 'port', port: 1, socket: 'tcp' } }, 'connection'],
  [{ kind: 'connection', target: { type: 'ping' } }, 'icmp'],
  [{ kind: 'resource', resource: 'cpu', op: '>', value: 1, unit: 'percent' }, 'resource'],
  [{ kind: 'uptime', op: '<', seconds: 1 }, 'uptime'],
  [{ kind: 'changed', target: 'pid' }, 'pid'],
  [{ kind: 'changed', target: 'ppid' }, 'ppid'],
  [{ kind: 'changed', target: 'checksum' }, 'checksum'],
  [{ kind: 'identity', field: 'uid', expect: 0 }, 'uid'],
  [{ kind: 'identity', field: 'euid', expect: 0 }, 'uid'],
  [{ kind: 'identity', field: 'gid', expect: 0 }, 'gid'],
  [{ kind: 'status', op: '!=', value: 0 }, 'status'],
  [{ kind: 'content', op: '=', pattern: 'x' }, 'content'],
  [{ kind: 'checksum' }, 'checksum'],
  [{ kind: 'size', op: '>', bytes: 1 }, 'size'],
  [{ kind: 'timestamp', field: 'mtime', op: '>', seconds: 1 }, 'timestamp'],
  [{ kind: 'permission', mode: 0o644 }, 'permission'],
  [{ kind: 'space', free: false, op: '>', value: 1, unit: 'percent' }, 'resource'],
  [{ kind: 'inode', free: true, op: '<', value: 1, unit: 'count' }, 'resource'],
  [{ kind: 'link', state: 'down' }, 'link'],
  [{ kind: 'changed', target: 'fsflags' }, 'fsflags'],
  [{ kind: 'saturation', op: '>', percent: 90 }, 'saturation'],
  [{ kind: 'traffic', direction: 'upload', op: '>', value: 1, unit: 'bytes' }, 'byteout'],
  [{ kind: 'traffic', direction: 'download', op: '>', value: 1, unit: 'bytes' }, 'bytein'],
];

for (const [t, kind] of cases) test(`${JSON.stringify(t)} -> ${kind}`, () => assert.equal(eventKindOf(t), kind));
