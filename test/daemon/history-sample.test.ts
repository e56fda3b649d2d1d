// Each check leaves a history sample taken from the runtime directly (status.ts historySample), not from a
// whole status built for it (the overhead benchmark): the figures must be the ones the status shows.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

test('history samples are the figures of the status: cpu, memory and each port', async (t) => {
  const sleeper = spawn('sleep', ['100000'], { stdio: 'ignore' });
  t.after(() => sleeper.kill('SIGKILL'));
  const server = createServer((c) => c.end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const port = (server.address() as { port: number }).port;
  const h = await startMonitor(daemonYaml('300ms', `checks:
  - process: web
    pidfile: \${DIR}/web.pid
    rules:
      - if cpu > 95% for 3 cycles then alert
      - if failed host 127.0.0.1 port ${port} then alert
  - system: box
`));
  t.after(() => h.cleanup());
  const reports: string[] = [];
  t.after(h.monitor.onCycle((r) => reports.push(JSON.stringify(r))));
  writeFileSync(`${h.dir}/web.pid`, `${sleeper.pid}\n`);
  const last = <T>(xs: T[]): T | undefined => xs[xs.length - 1];
  // Read in one tick: the status and the newest sample come from the same check.
  const both = () => ({ status: h.monitor.service('web')!, history: h.monitor.history!('web')! });
  const seen = await waitFor('a sample with a CPU figure and a port time', () => {
    const got = both();
    return got.status.process?.cpu !== null && got.history.ports[0] && last(got.history.cpu) !== null ? got : undefined;
  });
  const close = (a: number | null | undefined, b: number | null | undefined) =>
    a !== null && a !== undefined && b !== null && b !== undefined && Math.abs(a - b) <= Math.abs(b) * 1e-6 + 1e-6;
  assert.ok(close(last(seen.history.cpu), seen.status.process!.cpu), `cpu ${last(seen.history.cpu)} vs ${seen.status.process!.cpu}`);
  assert.ok(close(last(seen.history.memory), seen.status.process!.memory), 'memory');
  assert.deepEqual(seen.history.ports.map((p) => p.label), [`127.0.0.1:${port} TCP`]);
  assert.ok(close(last(seen.history.ports[0]!.responseMs), seen.status.ports![0]!.responseTimeMs), 'port time');
  const box = await waitFor('the system sampled', () => {
    const s = h.monitor.service('box');
    const hist = h.monitor.history!('box');
    return s?.system?.memory && s.system.cpu && hist && last(hist.memory) !== null && last(hist.cpu) !== null ? { s, hist } : undefined;
  });
  assert.ok(close(last(box.hist.memory), box.s.system!.memory!.bytes), 'a system service records used memory');
  assert.ok(close(last(box.hist.cpu), box.s.system!.cpu!.usage), 'and CPU usage');
  // The cycle report builds its statuses when read: serialised (the dashboard's stream), they are all there.
  const report = JSON.parse(reports[reports.length - 1]!) as { cycle: number; services: Array<{ name: string }> };
  assert.deepEqual(report.services.map((s) => s.name).sort(), ['box', 'web']);
});
