// SIGUSR1 wakes tsmonit for a check now, whatever its cycle.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { spawnedYaml } from '../helpers/daemon-yaml.ts';
import { tempDir, writeControlFile } from '../helpers/harness.ts';
import { kill } from '../helpers/processes.ts';
import { spawnTsmonit, waitForLog } from '../helpers/tsmonit-process.ts';
import { waitFor } from '../helpers/wait.ts';

const lastCheck = (file: string): number | null => {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as { services: Record<string, { lastCheck: number | null }> };
    return state.services['process:svc']?.lastCheck ?? null;
  } catch {
    return null;
  }
};

test('SIGUSR1 runs a cycle now', async (t) => {
  const dir = tempDir();
  const file = writeControlFile(dir, spawnedYaml('1h', `checks:
  - process: svc
    pidfile: \${DIR}/svc.pid
    rules:
      - if does not exist then alert
`));
  const daemon = spawnTsmonit(['-c', file]);
  t.after(() => kill(daemon.pid, 'SIGKILL'));
  await waitForLog(`${dir}/tsmonit.log`, /started: 1 services/);
  const first = await waitFor('the first cycle', () => lastCheck(`${dir}/state.json`));
  daemon.child.kill('SIGUSR1');
  const second = await waitFor('a check after SIGUSR1', () => {
    const now = lastCheck(`${dir}/state.json`);
    return now !== null && now > first ? now : null;
  });
  assert.ok(second > first);
  daemon.child.kill('SIGTERM');
  assert.equal(await daemon.exited, 0);
});
