// The state file is written after each cycle in which it changed (semantics.md). A steady service (every rule's
// 64 results the same, the same messages, the same process) changes only its check counter and time: that is
// written at most once a minute (COUNTERS_SAVE_MS), with any other change at once (README: crash safety).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { COUNTERS_SAVE_MS } from '../../src/daemon/check-runner.ts';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { freePort, kill } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

const savedAt = (file: string): number => (JSON.parse(readFileSync(file, 'utf8')) as { savedAt: number }).savedAt;

test('a steady service does not rewrite the state file every cycle (its port test\'s response time may move); a change is written at once', async (t) => {
  const port = await freePort();
  assert.ok(COUNTERS_SAVE_MS >= 10_000, 'the test below watches for a few seconds only');
  const h = await startMonitor(daemonYaml('100ms', `
checks:
  - process: steady
    pidfile: \${DIR}/steady.pid
    start: "\${NODE} \${FIXTURES}/daemonize.js \${DIR}/steady.pid ${port}"
    rules:
      - if does not exist then restart
      - if failed port ${port} then alert
`));
  t.after(() => h.cleanup());
  const file = `${h.dir}/state.json`;
  await waitFor('a state file', () => { try { return savedAt(file); } catch { return null; } });
  const rules = ['if does not exist then restart', `if failed port ${port} then alert`];
  let cycles = 0;
  h.monitor.onCycle(() => { cycles += 1; });
  const pid = await waitFor('the history full of successes', () => {
    const state = JSON.parse(readFileSync(file, 'utf8')) as { services: Record<string, { rules: Record<string, { history: string }>; identity: { pid: number } | null }> };
    const s = state.services['process:steady'];
    return rules.every((r) => s?.rules[r]?.history === '0'.repeat(64)) ? s?.identity?.pid ?? null : null;
  }, { timeoutMs: 60_000, intervalMs: 50 });
  const settled = cycles;
  await waitFor('five cycles more: the writes of the start have landed', () => cycles >= settled + 5, { timeoutMs: 30_000 });
  const steadySince = savedAt(file);
  const cyclesBefore = cycles;
  await waitFor('twenty more cycles', () => cycles >= cyclesBefore + 20, { timeoutMs: 30_000 });
  assert.equal(savedAt(file), steadySince, 'twenty steady cycles, no rewrite');
    assert.equal(h.monitor.service('steady')?.status, 'OK', 'the checks went on');

  kill(pid, 'SIGKILL'); // an event: written at once
  await waitFor('the death saved', () => savedAt(file) > steadySince ? true : null, { timeoutMs: 10_000 });
});
