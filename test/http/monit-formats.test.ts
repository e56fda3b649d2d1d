// Must show 4 and 5 (with a canned facade; real-daemon.test.ts repeats them against a real daemon):
// /_status?format=xml read by an XML parser with monit's fields, the text pages, /metrics parsed as
// Prometheus text with values matching the API.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { ADMIN, FakeMonitor, basic, processService } from './helpers/fake-monitor.ts';
import { parseMetrics, sample } from './helpers/prometheus.ts';
import { testServer } from './helpers/server.ts';

const auth = { authorization: basic(ADMIN.user, ADMIN.password) };
const xmlParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (_name, jpath) => jpath === 'monit.service' || jpath === 'monit.service.port' });

describe('/_status?format=xml', () => {
  test("monit's layout: server, platform, one service per check with the process fields", async (t) => {
    const monitor = new FakeMonitor([
      processService('web'),
      processService('db', { monitoring: 'not monitored', ok: false, status: 'Not monitored', process: { pid: null, ppid: null, uptime: null, cpu: null, cpuTotal: null, memory: null, memoryPercent: null, memoryTotal: null, children: null, threads: null }, ports: [] }),
      processService('broken', { failures: ['nonexist', 'connection'], ok: false, status: 'Does not exist', pendingAction: 'restart' }),
    ]);
    const { app } = await testServer(t, { monitor });
    const r = await app.inject({ url: '/_status?format=xml', headers: auth });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^text\/xml/);
    const doc = xmlParser.parse(r.body);
    assert.equal(doc.monit.server.localhostname, 'testhost');
    assert.equal(doc.monit.server.poll, 30);
    assert.equal(doc.monit.server.httpd.port, 2812);
    assert.ok(doc.monit.platform.cpu >= 1);
    const [web, db, broken] = doc.monit.service;
    assert.equal(web['@type'], '3');
    assert.equal(web.name, 'web');
    assert.equal(web.pid, 4242);
    assert.equal(web.ppid, 1);
    assert.equal(web.uptime, 3725);
    assert.equal(web.cpu.percent, 12.5);
    assert.equal(web.cpu.percenttotal, 13);
    assert.equal(web.memory.kilobyte, 10240);
    assert.equal(web.memory.kilobytetotal, 12288);
    assert.equal(web.memory.percent, 1.5);
    assert.equal(web.status, 0);
    assert.equal(web.monitor, 1);
    assert.equal(web.collected_sec, Date.parse('2026-01-02T03:04:05.000Z') / 1000);
    assert.equal(web.port[0].portnumber, 8080);
    assert.equal(web.port[0].responsetime, 0.0025);
    assert.equal(db.monitor, 0);
    assert.equal(db.pid, undefined, 'no process data when there is no process');
    assert.equal(broken.status, 0x200 | 0x20, "monit's event bits: nonexist | connection");
    assert.equal(broken.pendingaction, 2);
  });

  test('?service= and ?group= narrow it; an unknown one is a 404', async (t) => {
    const { app } = await testServer(t);
    const one = xmlParser.parse((await app.inject({ url: '/_status?format=xml&service=db', headers: auth })).body);
    assert.deepEqual(one.monit.service.map((s: { name: string }) => s.name), ['db']);
    const group = xmlParser.parse((await app.inject({ url: '/_status?format=xml&group=web', headers: auth })).body);
    assert.deepEqual(group.monit.service.map((s: { name: string }) => s.name), ['web']);
    assert.equal((await app.inject({ url: '/_status?format=xml&service=nope', headers: auth })).statusCode, 404);
    assert.equal((await app.inject({ url: '/_status?format=json', headers: auth })).statusCode, 400);
  });
});

describe('text pages', () => {
  test('status, summary, report and ping', async (t) => {
    const { app } = await testServer(t);
    const status = (await app.inject({ url: '/_status', headers: auth })).body;
    assert.match(status, /^tsmonit 0\.1\.0 uptime: 10m\n/);
    assert.match(status, /^Process 'web'\n {2}status {27}OK$/m);
    assert.match(status, /^ {2}pid {30}4242$/m);
    assert.match(status, /^ {2}uptime {27}1h 2m$/m);
    assert.match(status, /^ {2}port response time {15}2\.500 ms to 127\.0\.0\.1:8080 type TCP protocol DEFAULT$/m);
    const summary = (await app.inject({ url: '/_summary', headers: auth })).body.split('\n');
    assert.match(summary[1]!, /^ Service Name +Status +Type$/);
    assert.match(summary[3]!, /^ db +Does not exist +Process$/);
    const report = (await app.inject({ url: '/_report', headers: auth })).body;
    assert.match(report, /^up: +1 +\(50\.0%\)$/m);
    assert.match(report, /^total: +2 services$/m);
    assert.equal((await app.inject({ url: '/_report?type=down', headers: auth })).body, '1\n');
    assert.equal((await app.inject({ url: '/_report?type=bogus', headers: auth })).statusCode, 400);
    assert.equal((await app.inject({ url: '/_ping', headers: auth })).body, 'pong');
  });
});

describe('/metrics', () => {
  test('parses as Prometheus text; values match the API', async (t) => {
    const { app, monitor } = await testServer(t);
    monitor.emit({ service: 'db', kind: 'nonexist', state: 'failed', message: 'x' });
    monitor.emit({ service: 'db', kind: 'nonexist', state: 'failed', message: 'y' });
    monitor.cycle({ cycle: 3, durationMs: 250, services: [] });
    const r = await app.inject({ url: '/metrics', headers: auth });
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const m = parseMetrics(r.body);
    const api = (await app.inject({ url: '/api/v1/services', headers: auth })).json();
    for (const s of api.services) {
      const id = { service: s.name, type: s.type };
      assert.equal(sample(m, 'tsmonit_service_up', id), s.ok ? 1 : 0);
      assert.equal(sample(m, 'tsmonit_service_monitored', id), 1);
      assert.equal(sample(m, 'tsmonit_service_restarts_total', id), s.restarts);
      assert.equal(sample(m, 'tsmonit_process_cpu_percent', { service: s.name }), s.process.cpu);
      assert.equal(sample(m, 'tsmonit_process_memory_bytes', { service: s.name }), s.process.memory);
      assert.equal(sample(m, 'tsmonit_check_duration_seconds', { service: s.name }), s.checkDurationMs / 1000);
      const p = s.ports[0];
      assert.equal(sample(m, 'tsmonit_port_response_seconds', { service: s.name, host: p.host, port: String(p.port), protocol: p.protocol }), p.responseTimeMs / 1000);
    }
    assert.equal(m.get('tsmonit_service_restarts_total')!.type, 'COUNTER');
    assert.equal(sample(m, 'tsmonit_cycle_duration_seconds'), 0.25);
    assert.equal(sample(m, 'tsmonit_events_total', { kind: 'nonexist' }), 2);
    assert.equal(sample(m, 'tsmonit_cycles_total'), api.server.cycles);
  });
});
