// Whole checks of file, program and network services: state carried between checks, events and actions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCheck } from '../../src/engine/check.ts';
import { applyUserAction, initialServiceState } from '../../src/engine/service-state.ts';
import type { Observation } from '../../src/model/observation.ts';
import type { ServiceSpec } from '../../src/model/service.ts';
import type { ServiceState } from '../../src/model/state.ts';
import { T0, rule } from './helpers.ts';
import { contentObs, pathObs, pathSpec, programObs, programSpec, stat } from './check-types-helpers.ts';

function run(spec: ServiceSpec, observations: Observation[], start: ServiceState = initialServiceState(spec)) {
  let state = start;
  return observations.map((observation, i) => {
    const out = evaluateCheck({ spec, state, observation: { ...observation, at: T0 + i * 30_000 }, now: T0 + i * 30_000 });
    state = out.state;
    return out;
  });
}

describe('file checks', () => {
  test('a checksum without expect keeps its first digest as the reference across checks', () => {
    const r = rule({ kind: 'checksum' }, { id: 'sum' });
    const spec = pathSpec('file', { rules: [r] });
    const digest = (d: string) => pathObs(stat(), { checksums: { md5: d } });
    const outs = run(spec, [digest('a'.repeat(32)), digest('a'.repeat(32)), digest('b'.repeat(32)), digest('b'.repeat(32))]);
    assert.equal(outs[0]!.state.rules['sum']?.reference, 'a'.repeat(32));
    assert.deepEqual(outs.map((o) => o.events.map((e) => `${e.kind}:${e.state}`)), [[], [], ['checksum:failed'], []]);
    assert.equal(outs[3]!.state.rules['sum']?.reference, 'a'.repeat(32), 'a failed checksum keeps its reference');
  });

  test('changed size posts a changed event each time and follows the value', () => {
    const r = rule({ kind: 'changed', target: 'size' }, { id: 'size' });
    const outs = run(pathSpec('file', { rules: [r] }), [100, 100, 200, 300].map((size) => pathObs(stat({ size }))));
    assert.deepEqual(outs.map((o) => o.events.map((e) => e.message)), [[], [], ['size of /var/log/app.log changed from 100 B to 200 B'], ['size of /var/log/app.log changed from 200 B to 300 B']]);
    assert.equal(outs[2]!.events[0]!.state, 'changed');
  });

  test('the wrong type is an invalid failure, once, and clears when the type is right again', () => {
    const size = rule({ kind: 'size', op: '>', bytes: 1 }, { id: 'size' });
    const spec = pathSpec('file', { rules: [rule({ kind: 'nonexist' }, { id: 'nonexist' }), size] });
    const outs = run(spec, [pathObs(stat({ kind: 'directory' })), pathObs(stat({ kind: 'directory' })), pathObs(stat({ size: 10 }))]);
    assert.deepEqual(outs[0]!.events.map((e) => `${e.kind}:${e.state}`), ['invalid:failed']);
    assert.match(outs[0]!.events[0]!.message, /is not a regular file \(it is a directory\)/);
    assert.equal(outs[0]!.state.actionFailures.invalid !== undefined, true);
    assert.equal(outs[0]!.state.rules['size'], undefined, 'other tests wait while the type is wrong');
    assert.ok(outs[0]!.state.rules['nonexist'], 'existence is still tested');
    assert.deepEqual(outs[1]!.events, [], 'no repeat while it stays wrong');
    assert.deepEqual(outs[2]!.events.map((e) => `${e.kind}:${e.state}`), ['invalid:succeeded', 'size:failed']);
    assert.equal(outs[2]!.state.actionFailures.invalid, undefined);
  });

  test('the content cursor moves with each read and is forgotten on unmonitor', () => {
    const spec = pathSpec('file', { rules: [rule({ kind: 'content', op: '=', pattern: 'ERROR' }, { id: 'c' })] });
    const outs = run(spec, [contentObs([], { cursor: { path: '/var/log/app.log', inode: 77, offset: 10 } }), contentObs(['x'], { cursor: { path: '/var/log/app.log', inode: 77, offset: 12 } })]);
    assert.deepEqual(outs[1]!.state.contentCursor, { path: '/var/log/app.log', inode: 77, offset: 12 });
    const failedRead = run(spec, [contentObs([], { error: 'EACCES', cursor: { path: '/x', inode: 1, offset: 0 } })], outs[1]!.state);
    assert.deepEqual(failedRead[0]!.state.contentCursor, { path: '/var/log/app.log', inode: 77, offset: 12 }, 'a failed read keeps the cursor');
    assert.equal(applyUserAction(outs[1]!.state, 'unmonitor').contentCursor, null);
  });

  test('content: a match fails, the next check without one recovers', () => {
    const spec = pathSpec('file', { rules: [rule({ kind: 'content', op: '=', pattern: 'ERROR' }, { id: 'c' })] });
    const outs = run(spec, [contentObs(['INFO']), contentObs(['ERROR boom']), contentObs([])]);
    assert.deepEqual(outs.map((o) => o.events.map((e) => `${e.kind}:${e.state}`)), [[], ['content:failed'], ['content:succeeded']]);
  });
});

describe('program checks', () => {
  test('status != 0 fails in the same check as the run and recovers on the next exit 0', () => {
    const spec = programSpec({ rules: [rule({ kind: 'status', op: '!=', value: 0 }, { id: 's', action: { type: 'restart' } })], start: { text: 'x', argv: ['x'] } });
    const outs = run(spec, [programObs({ exitCode: 0 }), programObs({ exitCode: 1 }), programObs({ exitCode: 0 })]);
    assert.deepEqual(outs.map((o) => o.events.map((e) => `${e.kind}:${e.state}`)), [[], ['status:failed'], ['status:succeeded']]);
    assert.deepEqual(outs[1]!.actions.map((a) => a.type), ['restart']);
  });
  test('a check without a program run (out of cycle) leaves status rules alone', () => {
    const spec = programSpec({ rules: [rule({ kind: 'status', op: '!=', value: 0 }, { id: 's' })] });
    const outs = run(spec, [{ at: T0, probes: {} }]);
    assert.equal(outs[0]!.state.rules['s'], undefined);
  });
});
