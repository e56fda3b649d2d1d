import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { recordActionResult } from '../../src/engine/action-results.ts';
import { initialServiceState } from '../../src/engine/service-state.ts';
import { processSpec } from './helpers.ts';

const spec = processSpec();

describe('recordActionResult', () => {
  test('a failed start is an exec failure with the program output', () => {
    const { state, events } = recordActionResult(spec, initialServiceState(spec), 'start', {
      ok: false, message: 'exit status 1', output: '\nweb: port 80 in use\nmore', durationMs: 120, user: 'admin',
    });
    assert.equal(state.actionFailures.exec, 'failed to start (exit status 1) -- web: port 80 in use');
    assert.deepEqual(events, [{
      service: 'web', action: 'start', durationMs: 120, user: 'admin', kind: 'exec', state: 'failed',
      message: 'failed to start (exit status 1) -- web: port 80 in use', result: 'failed: exit status 1',
      output: '\nweb: port 80 in use\nmore',
    }]);
  });

  test('a failed restart without output', () => {
    const { state, events } = recordActionResult(spec, initialServiceState(spec), 'restart', { ok: false, message: 'timed out', durationMs: 30_000 });
    assert.equal(state.actionFailures.exec, 'failed to restart (timed out)');
    assert.equal(events[0]?.output, undefined);
  });

  test('a failed stop is recorded without a lasting error', () => {
    const { state, events } = recordActionResult(spec, initialServiceState(spec), 'stop', { ok: false, message: 'exit status 2', durationMs: 5 });
    assert.deepEqual(state.actionFailures, {});
    assert.equal(events[0]?.kind, 'exec');
  });

  test('success clears the exec failure and records the action', () => {
    const failed = { ...initialServiceState(spec), actionFailures: { exec: 'failed to start (exit status 1)' } };
    const { state, events } = recordActionResult(spec, failed, 'start', { ok: true, message: '', durationMs: 800 });
    assert.deepEqual(state.actionFailures, {});
    assert.deepEqual(events.map((e) => [e.kind, e.state, e.message, e.result]), [
      ['exec', 'succeeded', 'started after a previous execution failure', undefined],
      ['action', 'info', 'started', 'ok'],
    ]);
  });

  test('a success message from the daemon is the event message', () => {
    const { events } = recordActionResult(spec, initialServiceState(spec), 'start', { ok: true, message: 'started with pid 42', durationMs: 1 });
    assert.deepEqual(events.map((e) => [e.kind, e.message]), [['action', 'started with pid 42']]);
  });

  test('a plain success is one info event', () => {
    const { events } = recordActionResult(spec, initialServiceState(spec), 'stop', { ok: true, message: '', durationMs: 1 });
    assert.deepEqual(events.map((e) => [e.kind, e.state, e.message, e.action]), [['action', 'info', 'stopped', 'stop']]);
  });
});
