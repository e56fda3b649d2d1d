// Must show 2: `if cpu > 50% for 2 cycles then restart` trips no earlier than the second failing cycle.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { alive, pidFrom } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

test('a CPU burner is restarted by a cpu rule only in its second failing cycle', async (t) => {
  const h = await startMonitor(daemonYaml('1s', `
checks:
  - process: burner
    pidfile: \${DIR}/burner.pid
    start: "\${FIXTURES}/burn-cpu.sh \${DIR}/burner.pid"
    rules:
      - if cpu > 50% for 2 cycles then restart
`));
  t.after(() => h.cleanup());
  const timeline: Array<{ what: 'cycle'; pid: number | null; cpu: number | null } | { what: 'fired'; pid: number | null }> = [];
  const offCycle = h.monitor.onCycle((report) => {
    const s = report.services.find((x) => x.name === 'burner');
    if (s) timeline.push({ what: 'cycle', pid: s.process?.pid ?? null, cpu: s.process?.cpu ?? null });
  });
  const offEvent = h.monitor.onEvent((e) => {
    if (e.service === 'burner' && e.kind === 'resource' && e.state === 'failed') timeline.push({ what: 'fired', pid: null });
  });
  t.after(() => {
    offCycle();
    offEvent();
  });

  const first = await waitFor('burner running', () => {
    const pid = h.monitor.service('burner')?.process?.pid;
    return pid && alive(pid) ? pid : null;
  });
  const event = await waitFor('the cpu rule to fire', () => h.events('burner').find((e) => e.kind === 'resource' && e.state === 'failed'), { timeoutMs: 20000 });
  assert.equal(event.action, 'restart');
  assert.ok(Number(event.figures?.cpu) > 50, `figures name the cpu that tripped it: ${JSON.stringify(event.figures)}`);

  // The check that fired is the second failing one: one completed cycle before it already saw cpu > 50%.
  const firedAt = timeline.findIndex((x) => x.what === 'fired');
  const failingBefore = timeline.slice(0, firedAt).filter((x) => x.what === 'cycle' && x.pid === first && (x.cpu ?? 0) > 50);
  assert.ok(failingBefore.length >= 1, `expected a failing cycle before the one that fired: ${JSON.stringify(timeline)}`);

  const second = await waitFor('a new burner', () => {
    const pid = pidFrom(`${h.dir}/burner.pid`);
    return pid && pid !== first && alive(pid) ? pid : null;
  });
  assert.ok(!alive(first), 'the old burner was stopped');
  assert.notEqual(second, first);
});
