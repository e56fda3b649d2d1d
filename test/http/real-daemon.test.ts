// A real daemon (in-process Monitor over real effects, a daemonizing fixture) behind a real listening
// socket: the API, monit's XML, /metrics and the live stream agree with what is really running.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { buildServer } from '../../src/http/server.ts';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { alive, freePort, pidFrom } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { ADMIN, MemoryLogger, STANDARD_ALLOW, basic, httpdConfig } from './helpers/fake-monitor.ts';
import { parseMetrics, sample } from './helpers/prometheus.ts';
import { listening } from './helpers/server.ts';

const AUTH = { authorization: basic(ADMIN.user, ADMIN.password) };

/** Reads a server-sent event stream into a list of { event, data } frames until stop() is called. */
function openStream(port: number): { frames: Array<{ event: string; data: string }>; stop(): void } {
  const frames: Array<{ event: string; data: string }> = [];
  let buffer = '';
  const req = request({ host: '127.0.0.1', port, path: '/api/v1/events/stream', headers: AUTH }, (res) => {
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/event-stream/);
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event && data) frames.push({ event, data });
      }
    });
    res.on('error', () => undefined);
  });
  req.on('error', () => undefined);
  req.end();
  return { frames, stop: () => req.destroy() };
}

test('a real daemon over a real socket: API, XML, metrics, an action with ?wait, the live stream', async (t) => {
  const port = await freePort();
  const h = await startMonitor(daemonYaml('1s', `checks:
  - process: web
    pidfile: \${DIR}/web.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web.pid --port ${port}"
    group: www
    rules:
      - if failed port ${port} type tcp with timeout 2 seconds then restart
`));
  t.after(() => h.cleanup());
  const httpd = httpdConfig(STANDARD_ALLOW);
  const app = await buildServer({ monitor: h.monitor, logger: new MemoryLogger(), httpd, onQuit: () => undefined });
  t.after(() => app.close());
  const httpPort = await listening(app, httpd);
  const base = `http://127.0.0.1:${httpPort}`;
  const getJson = async (path: string) => (await fetch(`${base}${path}`, { headers: AUTH })).json();

  const first = await waitFor('web running and checked', async () => {
    const s = (await getJson('/api/v1/services')).services[0];
    return s.status === 'OK' && s.process.pid && s.process.uptime !== null && s.checkDurationMs !== null ? s : null;
  });
  assert.equal(first.process.pid, pidFrom(`${h.dir}/web.pid`));

  // monit's XML, read by an XML parser, names the same process.
  const xmlText = await (await fetch(`${base}/_status?format=xml`, { headers: AUTH })).text();
  const web = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(xmlText).monit.service;
  assert.equal(web.name, 'web');
  assert.equal(web['@type'], '3');
  assert.equal(web.pid, first.process.pid);
  assert.equal(web.ppid, first.process.ppid);
  assert.equal(typeof web.uptime, 'number');
  assert.equal(typeof web.cpu.percent, 'number');
  assert.ok(web.memory.kilobyte > 0);
  assert.equal(web.status, 0);
  assert.equal(web.monitor, 1);
  assert.equal(web.port.portnumber, port);

  // /metrics, read by a Prometheus parser, matches the API (read together, retried across a cycle boundary).
  await waitFor('metrics equal to the API', async () => {
    const [api, text] = [await getJson('/api/v1/services'), await (await fetch(`${base}/metrics`, { headers: AUTH })).text()];
    const m = parseMetrics(text);
    const s = api.services[0];
    const id = { service: 'web', type: 'process' };
    return sample(m, 'tsmonit_service_up', id) === 1 && sample(m, 'tsmonit_service_monitored', id) === 1 &&
      sample(m, 'tsmonit_service_restarts_total', id) === s.restarts &&
      sample(m, 'tsmonit_process_memory_bytes', { service: 'web' }) === s.process.memory &&
      sample(m, 'tsmonit_process_cpu_percent', { service: 'web' }) === (s.process.cpu ?? undefined) &&
      sample(m, 'tsmonit_port_response_seconds', { service: 'web', host: 'localhost', port: String(port), protocol: 'default' }) === s.ports[0].responseTimeMs / 1000 &&
      sample(m, 'tsmonit_check_duration_seconds', { service: 'web' }) === s.checkDurationMs / 1000 &&
      (sample(m, 'tsmonit_events_total', { kind: 'instance' }) ?? 0) >= 1 &&
      (sample(m, 'tsmonit_cycle_duration_seconds') ?? -1) >= 0;
  });

  // The live stream, then a restart with ?wait: 200 with the result, a new pid, events naming the user.
  const stream = openStream(httpPort);
  t.after(() => stream.stop());
  await waitFor('a status frame after a cycle', () => stream.frames.some((f) => f.event === 'status'));
  const restart = await fetch(`${base}/api/v1/services/web/actions?wait=30`, {
    method: 'POST', headers: { ...AUTH, 'content-type': 'application/json' }, body: JSON.stringify({ action: 'restart' }),
  });
  assert.equal(restart.status, 200);
  const { results } = await restart.json();
  assert.equal(results.length, 1);
  assert.equal(results[0].service, 'web');
  assert.equal(results[0].state, 'done', JSON.stringify(results));
  const second = await waitFor('a new pid', () => {
    const pid = pidFrom(`${h.dir}/web.pid`);
    return pid !== first.process.pid && alive(pid) ? pid : null;
  });
  assert.ok(!alive(first.process.pid));
  const events = (await getJson('/api/v1/events?service=web&kind=action')).events;
  assert.ok(events.some((e: { user?: string; message: string }) => e.user === ADMIN.user && /restart requested/.test(e.message)), JSON.stringify(events));
  await waitFor('the stream carried the restart', () =>
    stream.frames.some((f) => f.event === 'event' && JSON.parse(f.data).user === ADMIN.user));
  await waitFor('the API shows the new pid', async () => (await getJson('/api/v1/services/web')).process.pid === second);
});
