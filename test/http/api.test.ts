// The JSON API of interfaces.md: shapes, status codes, errors as { statusCode, code, error, message }.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { ADMIN, basic } from './helpers/fake-monitor.ts';
import { testServer } from './helpers/server.ts';

const auth = { authorization: basic(ADMIN.user, ADMIN.password) };
const req = (o: InjectOptions): InjectOptions => ({ ...o, headers: { ...auth, ...o.headers } });

function assertError(body: Record<string, unknown>, statusCode: number, code: string): void {
  assert.deepEqual(Object.keys(body).sort(), ['code', 'error', 'message', 'statusCode']);
  assert.equal(body.statusCode, statusCode);
  assert.equal(body.code, code);
  assert.equal(typeof body.message, 'string');
}

describe('services', () => {
  test('GET /api/v1/services is { server, services }', async (t) => {
    const { app } = await testServer(t);
    const r = await app.inject(req({ url: '/api/v1/services' }));
    assert.equal(r.statusCode, 200);
    assert.match(String(r.headers['content-type']), /^application\/json/);
    const body = r.json();
    assert.equal(body.server.hostname, 'testhost');
    assert.deepEqual(body.services.map((s: { name: string }) => s.name), ['web', 'db']);
    assert.equal(body.services[0].process.pid, 4242);
  });

  test('one service has its rules in words and its events; unknown is a 404 JSON', async (t) => {
    const { app, monitor } = await testServer(t);
    monitor.emit({ service: 'web', kind: 'nonexist', state: 'failed', message: "'web' process is not running" });
    const r = await app.inject(req({ url: '/api/v1/services/web' }));
    assert.equal(r.statusCode, 200);
    assert.equal(r.json().rules[0].rule, 'if failed port 8080 then restart');
    assert.equal(r.json().events[0].message, "'web' process is not running");
    const missing = await app.inject(req({ url: '/api/v1/services/nope' }));
    assert.equal(missing.statusCode, 404);
    assertError(missing.json(), 404, 'TSM_E_UNKNOWN_SERVICE');
  });

  test('a service name with any characters, URL-encoded in the path', async (t) => {
    const { app, monitor } = await testServer(t);
    monitor.services.push({ ...monitor.services[0]!, name: 'my app/1 ü?#' });
    const r = await app.inject(req({ url: `/api/v1/services/${encodeURIComponent('my app/1 ü?#')}` }));
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().name, 'my app/1 ü?#');
  });
});

describe('actions', () => {
  test('202 with accepted results; ?wait=SECONDS answers 200 with the result', async (t) => {
    const { app, monitor } = await testServer(t);
    const accepted = await app.inject(req({ method: 'POST', url: '/api/v1/services/web/actions', payload: { action: 'restart' } }));
    assert.equal(accepted.statusCode, 202);
    assert.deepEqual(accepted.json().results, [{ service: 'web', action: 'restart', state: 'accepted', message: 'restart accepted' }]);
    assert.equal(monitor.acts.at(-1)!.waitMs, undefined);
    const waited = await app.inject(req({ method: 'POST', url: '/api/v1/services/web/actions?wait=7', payload: { action: 'stop' } }));
    assert.equal(waited.statusCode, 200);
    assert.equal(waited.json().results[0].state, 'done');
    assert.equal(monitor.acts.at(-1)!.waitMs, 7000);
  });

  test('a form body works like JSON (monit-style clients)', async (t) => {
    const { app, monitor } = await testServer(t);
    const r = await app.inject(req({ method: 'POST', url: '/api/v1/actions', payload: 'action=stop&services=web&services=db', headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
    assert.equal(r.statusCode, 202, r.body);
    assert.deepEqual(monitor.acts.at(-1)!.services, ['web', 'db']);
  });

  const bad: Array<[string, string, InjectOptions['payload'], number, string]> = [
    ['an unknown action', '/api/v1/services/web/actions', { action: 'explode' }, 400, 'TSM_E_BAD_ACTION'],
    ['no action', '/api/v1/services/web/actions', {}, 400, 'TSM_E_HTTP_BAD_REQUEST'],
    ['an unknown service', '/api/v1/services/nope/actions', { action: 'start' }, 404, 'TSM_E_UNKNOWN_SERVICE'],
    ['an unknown group', '/api/v1/actions', { action: 'start', group: 'nope' }, 404, 'TSM_E_UNKNOWN_GROUP'],
    ['services and group at once', '/api/v1/actions', { action: 'start', group: 'web', services: ['web'] }, 400, 'TSM_E_HTTP_BAD_REQUEST'],
    ['neither services nor group', '/api/v1/actions', { action: 'start' }, 400, 'TSM_E_HTTP_BAD_REQUEST'],
    ['services not a list of names', '/api/v1/actions', { action: 'start', services: [1, 2] }, 400, 'TSM_E_HTTP_BAD_REQUEST'],
    ['a JSON array body', '/api/v1/actions', [1, 2], 400, 'TSM_E_HTTP_BAD_REQUEST'],
    ['a bad wait', '/api/v1/services/web/actions?wait=-1', { action: 'start' }, 400, 'TSM_E_HTTP_BAD_REQUEST'],
    ['a wait too long', '/api/v1/services/web/actions?wait=99999', { action: 'start' }, 400, 'TSM_E_HTTP_BAD_REQUEST'],
  ];
  for (const [what, url, payload, status, code] of bad) {
    test(`${what}: ${status} ${code}, nothing done`, async (t) => {
      const { app, monitor } = await testServer(t);
      const r = await app.inject(req({ method: 'POST', url, payload }));
      assert.equal(r.statusCode, status, r.body);
      assertError(r.json(), status, code);
      assert.equal(monitor.acts.length, 0);
    });
  }

  test('invalid JSON and an unsupported content type are clean 4xx', async (t) => {
    const { app } = await testServer(t);
    const badJson = await app.inject(req({ method: 'POST', url: '/api/v1/actions', payload: '{"action":', headers: { 'content-type': 'application/json' } }));
    assert.equal(badJson.statusCode, 400);
    assertError(badJson.json(), 400, 'TSM_E_HTTP_BAD_REQUEST');
    const xml = await app.inject(req({ method: 'POST', url: '/api/v1/actions', payload: '<a/>', headers: { 'content-type': 'application/xml' } }));
    assert.equal(xml.statusCode, 415);
    assertError(xml.json(), 415, 'TSM_E_HTTP_MEDIA_TYPE');
  });
});

describe('daemon', () => {
  test('reload, validate and quit call the facade; quit after the answer', async (t) => {
    let quits = 0;
    const { app, monitor } = await testServer(t, { build: { onQuit: () => quits++ } });
    const reload = await app.inject(req({ method: 'POST', url: '/api/v1/daemon/reload' }));
    assert.deepEqual(reload.json(), { ok: true, errors: [], warnings: [] });
    assert.equal(monitor.reloads, 1);
    const validate = await app.inject(req({ method: 'POST', url: '/api/v1/daemon/validate' }));
    assert.equal(validate.json().services.length, 2);
    const quit = await app.inject(req({ method: 'POST', url: '/api/v1/daemon/quit' }));
    assert.equal(quit.statusCode, 202);
    assert.equal(quits, 1);
  });

  test('GET never changes state: GET on a POST route is a 404', async (t) => {
    const { app, monitor } = await testServer(t);
    for (const url of ['/api/v1/daemon/quit', '/api/v1/daemon/reload', '/api/v1/services/web/actions?action=stop', '/_doaction?action=stop&service=web']) {
      const r = await app.inject(req({ url }));
      assert.equal(r.statusCode, 404, url);
      assertError(r.json(), 404, 'TSM_E_HTTP_NOT_FOUND');
    }
    assert.equal(monitor.acts.length + monitor.reloads + monitor.quits, 0);
  });
});

describe('events', () => {
  test('newest first, with service, kind, limit and since filters; bad filters are 400', async (t) => {
    const { app, monitor } = await testServer(t);
    for (let i = 0; i < 5; i++) monitor.emit({ service: i % 2 ? 'web' : 'db', kind: i === 4 ? 'action' : 'nonexist', state: 'failed', message: `e${i}` });
    const get = async (q: string) => (await app.inject(req({ url: `/api/v1/events${q}` }))).json().events.map((e: { message: string }) => e.message);
    assert.deepEqual(await get(''), ['e4', 'e3', 'e2', 'e1', 'e0']);
    assert.deepEqual(await get('?service=web'), ['e3', 'e1']);
    assert.deepEqual(await get('?kind=action'), ['e4']);
    assert.deepEqual(await get('?limit=2'), ['e4', 'e3']);
    assert.deepEqual(await get('?since=3'), ['e4', 'e3']);
    for (const q of ['?kind=bogus', '?limit=0', '?limit=abc', '?since=-1', '?limit=1.5']) {
      const r = await app.inject(req({ url: `/api/v1/events${q}` }));
      assert.equal(r.statusCode, 400, q);
    }
  });
});
