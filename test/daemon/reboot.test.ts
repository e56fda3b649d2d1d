// After a reboot (the saved boot time differs), `onreboot` decides the monitoring state; otherwise the saved one wins.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor, tempDir } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

const config = (onreboot: string) => daemonYaml('1s', `
start_delay: 1h
onreboot: ${onreboot}
checks:
  - process: svc
    pidfile: \${DIR}/svc.pid
    rules:
      - if does not exist then alert
`);

/** Saves a state where svc was unmonitored by a user, then pretends the machine rebooted since (or not). */
async function savedState(dir: string, rebooted: boolean): Promise<void> {
  const first = await startMonitor(config('start'), { dir });
  await first.monitor.act({ action: 'unmonitor', services: ['svc'], waitMs: 5000 });
  await first.quit();
  const file = `${dir}/state.json`;
  const state = JSON.parse(readFileSync(file, 'utf8')) as { bootTime: number; services: Record<string, { monitoring: string }> };
  assert.equal(state.services['process:svc']!.monitoring, 'not monitored');
  if (rebooted) state.bootTime -= 86_400_000;
  writeFileSync(file, JSON.stringify(state));
}

const cases = [
  { rebooted: true, onreboot: 'start', want: 'initializing' },
  { rebooted: true, onreboot: 'nostart', want: 'not monitored' },
  { rebooted: true, onreboot: 'laststate', want: 'not monitored' },
  { rebooted: false, onreboot: 'start', want: 'not monitored' },
];

for (const c of cases) {
  test(`${c.rebooted ? 'after a reboot' : 'without a reboot'}, onreboot ${c.onreboot}: ${c.want}`, async (t) => {
    const dir = tempDir();
    await savedState(dir, c.rebooted);
    const h = await startMonitor(config(c.onreboot), { dir });
    t.after(() => h.cleanup());
    assert.equal(h.monitor.service('svc')?.monitoring, c.want);
  });
}

test('a corrupt state file is logged and replaced, never fatal', async (t) => {
  const dir = tempDir();
  writeFileSync(`${dir}/state.json`, '{"version":1,"services":{"proc');
  const h = await startMonitor(config('start'), { dir });
  t.after(() => h.cleanup());
  assert.ok(h.logger.lines.some((l) => /state file .*starting with fresh state/.test(l)), h.logger.lines.join('\n'));
  await waitFor('a good state file written', () => {
    try {
      return (JSON.parse(readFileSync(`${dir}/state.json`, 'utf8')) as { version: number }).version === 2;
    } catch {
      return false;
    }
  });
});
