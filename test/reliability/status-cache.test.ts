// The status pages are written from per-service caches (daemon/status.ts, http/routes-api.ts,
// http/monit-xml.ts, a fix from the HTTP benchmark's profile): what they serve must stay exactly what the
// daemon knows, change as soon as a service changes, and stay safe JSON.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { buildServer } from '../../src/http/server.ts';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';
import { ADMIN, MemoryLogger, STANDARD_ALLOW, basic, httpdConfig } from '../http/helpers/fake-monitor.ts';

const AUTH = { authorization: basic(ADMIN.user, ADMIN.password) };

test('cached status pages equal the live status and follow every change', async (t) => {
  const sleeper = spawn('sleep', ['100000'], { stdio: 'ignore' });
  t.after(() => sleeper.kill('SIGKILL'));
  const h = await startMonitor(daemonYaml('500ms', `checks:
  - process: "web<script>"
    pidfile: \${DIR}/web.pid
    rules:
      - if cpu > 95% for 3 cycles then alert
  - process: db
    pidfile: \${DIR}/db.pid
`));
  t.after(() => h.cleanup());
  writeFileSync(`${h.dir}/web.pid`, `${sleeper.pid}\n`);
  const app = await buildServer({ monitor: h.monitor, logger: new MemoryLogger(), httpd: httpdConfig(STANDARD_ALLOW), onQuit: () => undefined });
  t.after(() => app.close());
  const get = async (url: string) => (await app.inject({ method: 'GET', url, headers: AUTH })).body;

  await waitFor('web checked and ok', () => h.monitor.service('web<script>')?.status === 'OK');
  const body = await get('/api/v1/services');
  assert.doesNotMatch(body, /<script>/, 'still JSON that is safe in HTML');
  const served = JSON.parse(body) as { server: unknown; services: unknown[] };
  assert.deepEqual(Object.keys(served), ['server', 'services']);
  const live = JSON.parse(JSON.stringify(h.monitor.status())) as { services: unknown[] };
  assert.deepEqual(served.services, live.services, 'the cached services are the live ones');
  assert.equal(await get('/api/v1/services').then((b) => JSON.stringify((JSON.parse(b) as typeof served).services)), JSON.stringify(served.services));

  await h.monitor.act({ action: 'unmonitor', services: ['db'] });
  const after = JSON.parse(await get('/api/v1/services')) as { services: Array<{ name: string; monitoring: string }> };
  assert.equal(after.services.find((s) => s.name === 'db')?.monitoring, 'not monitored', 'a change shows at once');
  const xml = await get('/_status?format=xml');
  assert.match(xml, /<name>db<\/name>(?:(?!<\/service>).)*<monitor>0<\/monitor>/s, 'in the XML too');
  assert.match(xml, /<name>web&lt;script&gt;<\/name>/);

  const before = (JSON.parse(await get('/api/v1/services')) as { services: Array<{ name: string; lastCheck: string }> }).services[0]!.lastCheck;
  await waitFor('a later check served', async () => {
    const now = (JSON.parse(await get('/api/v1/services')) as { services: Array<{ lastCheck: string }> }).services[0]!.lastCheck;
    return now !== before;
  });
});
