// `npm run screenshots`: refreshes docs/screenshots/ (what the README shows). A real tsmonit supervises a
// small, plausible set of services for about a minute: a process dies and is restarted by its rule, a
// user restarts another, one is unmonitored, a remote port stays closed; then headless Chromium takes
// the pictures. Usage: node --import tsx test/dashboard/screenshots.ts [OUTPUT_DIR]
import { join } from 'node:path';
import { ROOT, kill } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';
import { chromiumMissing } from './helpers/browser.ts';
import { ADMIN, startDashboardDaemon } from './helpers/daemon.ts';
import { DOCS_SCREENSHOTS, takeScreenshots } from './helpers/screenshots.ts';

const WAVY = join(ROOT, 'test', 'dashboard', 'fixtures', 'wavy-daemon.js');

const DEMO_CHECKS = `
  - system: $HOST
    rules:
      - if loadavg (1min) per core > 40 for 3 cycles then alert
      - if memory usage > 90% for 2 cycles then alert
  - process: api
    pidfile: \${DIR}/web.pid
    start: "\${NODE} ${WAVY} --daemon --pidfile \${DIR}/web.pid --port \${PORT}"
    group: www
    rules:
      - if failed port \${PORT} type tcp with timeout 2 seconds then restart
      - if cpu > 90% for 5 cycles then alert
      - if memory > 500 MB then restart
      - if 3 restarts within 5 cycles then unmonitor
  - process: worker
    pidfile: \${DIR}/worker.pid
    start: "/bin/sh \${FIXTURES}/slow-start.sh 1 --pidfile \${DIR}/worker.pid --port \${PORT2}"
    depends: api
    group: www
    rules:
      - if failed port \${PORT2} then restart
      - if children > 20 then alert
  - process: cache
    pidfile: \${DIR}/cache.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/cache.pid --port \${PORT3}"
    rules:
      - if failed port \${PORT3} then restart
  - process: backup
    matching: "^nightly-backup-tsmonit-demo$"
  - host: payments-gateway
    address: 127.0.0.1
    rules:
      - if failed port 9 with timeout 1 seconds then alert
`;

async function post(base: string, path: string, body: unknown): Promise<void> {
  const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  const r = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
}

async function main(): Promise<void> {
  const missing = chromiumMissing();
  if (missing) throw new Error(missing);
  const out = process.argv[2] ?? DOCS_SCREENSHOTS;
  const d = await startDashboardDaemon(DEMO_CHECKS, {
    ready: (list) => list.filter((s) => s.name !== 'backup' && s.name !== 'payments-gateway').every((s) => s.status === 'OK'),
  });
  try {
    console.log(`tsmonit at ${d.base}; collecting figures for a minute`);
    await post(d.base, '/api/v1/services/backup/actions?wait=10', { action: 'unmonitor' });
    await sleep(20_000);
    kill(d.pid('worker.pid'), 'SIGKILL');
    await waitFor('worker restarted', async () => {
      const s = (await d.api('/api/v1/services/worker')) as { status: string; process: { pid: number | null } };
      return s.status === 'OK' && s.process.pid !== null;
    }, { timeoutMs: 30_000 });
    await post(d.base, '/api/v1/services/cache/actions?wait=30', { action: 'restart' });
    await sleep(40_000);
    const files = await takeScreenshots(d.base, 'api', out);
    for (const f of files) console.log(`wrote ${f.path}`);
  } finally {
    await d.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
