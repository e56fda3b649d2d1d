// Every check of a cycle listens on the check runner's one abort signal: thirty port tests at once must not make
// node print "MaxListenersExceededWarning: Possible EventTarget memory leak" (seen at N=200 in the benchmark).
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { freePort } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

test('thirty concurrent port tests: every one checked, no listener-leak warning', async (t) => {
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
  process.on('warning', onWarning);
  t.after(() => process.off('warning', onWarning));
  const server = createServer((s) => s.end());
  const port = await freePort();
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  t.after(() => server.close());
  const hosts = Array.from({ length: 30 }, (_, i) => `
  - host: h${i}
    address: 127.0.0.1
    rules:
      - if failed port ${port} then alert`).join('');
  const h = await startMonitor(daemonYaml('300ms', `checks:${hosts}\n`));
  t.after(() => h.cleanup());
  let cycles = 0;
  h.monitor.onCycle(() => { cycles += 1; });
  await waitFor('three more cycles with all thirty hosts OK', () => {
    const services = h.monitor.status().services;
    return cycles >= 3 && services.length === 30 && services.every((s) => s.status === 'OK') ? true : null;
  });
  await new Promise((resolve) => setImmediate(resolve)); // a warning is emitted on the next tick
  assert.deepEqual(warnings.filter((w) => /MaxListeners/.test(w)), []);
});
