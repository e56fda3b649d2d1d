// The whole status page kept as one Buffer (src/http/page-cache.ts, from the HTTP benchmark's profile):
// the same bytes while the snapshot is the same, a new page as soon as a service or a server figure
// changes, and no caching at all of statuses that can change in place.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServiceStatus, StatusSnapshot } from '../../src/daemon/facade.ts';
import { safeJson } from '../../src/http/escape.ts';
import { PageCache } from '../../src/http/page-cache.ts';
import { ADMIN, FakeMonitor, basic, processService } from './helpers/fake-monitor.ts';
import { testServer } from './helpers/server.ts';

const auth = { authorization: basic(ADMIN.user, ADMIN.password) };

function snapshot(services: ServiceStatus[], uptime = 600): StatusSnapshot {
  return {
    server: { version: '0.1.0', hostname: 'h', pid: 1, startedAt: '2026-01-02T00:00:00.000Z', uptime, cycleSeconds: 1, controlFile: '/c', cycles: 3 },
    services,
  };
}

describe('PageCache', () => {
  test('the same snapshot is written once; a replaced service or a new server figure writes it again', () => {
    const cache = new PageCache((s) => safeJson(s));
    const web = Object.freeze(processService('web'));
    const db = Object.freeze(processService('db'));
    const first = cache.page(snapshot([web, db]));
    assert.equal(cache.page(snapshot([web, db])), first, 'a new snapshot object of the same statuses: the kept Buffer');
    assert.equal(cache.writes, 1);
    assert.deepEqual(JSON.parse(first.toString()), JSON.parse(safeJson(snapshot([web, db]))));

    const dbDown = Object.freeze(processService('db', { ok: false, status: 'Does not exist' }));
    const second = cache.page(snapshot([web, dbDown]));
    assert.equal(cache.writes, 2);
    assert.equal((JSON.parse(second.toString()) as StatusSnapshot).services[1]!.status, 'Does not exist');

    const third = cache.page(snapshot([web, dbDown], 601));
    assert.equal(cache.writes, 3, 'uptime is part of the page');
    assert.equal((JSON.parse(third.toString()) as StatusSnapshot).server.uptime, 601);

    cache.page(snapshot([web]));
    assert.equal(cache.writes, 4, 'a service fewer');
    cache.page(snapshot([dbDown, web]));
    assert.equal(cache.writes, 5, 'another order');
  });

  test('statuses that are not frozen are written every time, so a change in place shows', () => {
    const cache = new PageCache((s) => safeJson(s));
    const web = processService('web');
    const snap = snapshot([web]);
    cache.page(snap);
    web.status = 'Execution failed';
    assert.match(cache.page(snap).toString(), /Execution failed/);
    assert.equal(cache.writes, 2);
  });
});

describe('status pages served from the cache', () => {
  test('/api/v1/services and /_status?format=xml follow a replaced service at once; narrowed XML still narrows', async (t) => {
    const monitor = new FakeMonitor([Object.freeze(processService('web')), Object.freeze(processService('db', { groups: ['data'] }))]);
    const { app } = await testServer(t, { monitor });
    const get = async (url: string) => (await app.inject({ url, headers: auth })).body;
    const json1 = await get('/api/v1/services');
    const xml1 = await get('/_status?format=xml');
    assert.equal(await get('/api/v1/services'), json1);
    assert.equal(await get('/_status?format=xml'), xml1);
    assert.match(xml1, /<name>web<\/name>(?:(?!<\/service>).)*<monitor>1<\/monitor>/s);

    monitor.services = [Object.freeze(processService('web', { monitoring: 'not monitored' })), monitor.services[1]!];
    const json2 = JSON.parse(await get('/api/v1/services')) as StatusSnapshot;
    assert.equal(json2.services[0]!.monitoring, 'not monitored');
    assert.match(await get('/_status?format=xml'), /<name>web<\/name>(?:(?!<\/service>).)*<monitor>0<\/monitor>/s);

    const narrowed = await get('/_status?format=xml&group=data');
    assert.match(narrowed, /<name>db<\/name>/);
    assert.doesNotMatch(narrowed, /<name>web<\/name>/);
    assert.match(await get('/_status?format=xml'), /<name>web<\/name>/, 'the whole page after a narrowed one');
    const head = await app.inject({ method: 'HEAD', url: '/api/v1/services', headers: auth });
    assert.equal(head.statusCode, 200);
    assert.equal(Number(head.headers['content-length']), Buffer.byteLength(await get('/api/v1/services')));
  });
});
