// Must show 1: every route answers 401 without or with wrong credentials, 403 from outside the allow
// list, 200 (202) with the right ones; a read-only user reads everything and gets 403 on every POST.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { buildServer } from '../../src/http/server.ts';
import { ADMIN, FakeMonitor, GUEST, MemoryLogger, STANDARD_ALLOW, basic, httpdConfig } from './helpers/fake-monitor.ts';
import { ROUTES, type Route } from './helpers/routes.ts';
import { testServer } from './helpers/server.ts';

// The live stream never ends, so its 200 is shown over a real socket (events-stream.test.ts).
const STREAM: Route = { method: 'GET', url: '/api/v1/events/stream', ok: 200 };

function inject(route: Route, extra: Partial<InjectOptions> = {}): InjectOptions {
  return { method: route.method, url: route.url, ...(route.payload !== undefined ? { payload: route.payload } : {}), ...extra, headers: { ...route.headers, ...extra.headers } };
}

describe('every route behind the allow list and Basic auth', async () => {
  for (const route of [...ROUTES, STREAM]) {
    test(`${route.method} ${route.url}`, async (t) => {
      const { app, monitor } = await testServer(t, { httpd: httpdConfig(STANDARD_ALLOW, { loginLimit: 1000 }) });
      const none = await app.inject(inject(route));
      assert.equal(none.statusCode, 401, none.body);
      assert.match(String(none.headers['www-authenticate']), /^Basic realm="tsmonit"/);
      assert.equal(none.json().code, 'TSM_E_HTTP_UNAUTHORIZED');

      for (const wrong of [basic(ADMIN.user, 'wrong'), basic('nobody', ADMIN.password), basic(ADMIN.user, ''), 'Basic !!!notbase64', 'Bearer abc']) {
        const r = await app.inject(inject(route, { headers: { authorization: wrong } }));
        assert.equal(r.statusCode, 401, `${wrong}: ${r.body}`);
      }
      const outside = await app.inject(inject(route, { remoteAddress: '10.1.2.3', headers: { authorization: basic(ADMIN.user, ADMIN.password) } }));
      assert.equal(outside.statusCode, 403, outside.body);
      assert.equal(outside.json().code, 'TSM_E_HTTP_FORBIDDEN');
      const outsideNoAuth = await app.inject(inject(route, { remoteAddress: '10.1.2.3' }));
      assert.equal(outsideNoAuth.statusCode, 403, 'the address is checked before credentials');

      if (route === STREAM) return;
      const acts = monitor.acts.length;
      const right = await app.inject(inject(route, { headers: { authorization: basic(ADMIN.user, ADMIN.password) } }));
      assert.equal(right.statusCode, route.ok, right.body);
      const guest = await app.inject(inject(route, { headers: { authorization: basic(GUEST.user, GUEST.password) } }));
      if (route.method === 'GET') {
        assert.equal(guest.statusCode, 200, guest.body);
      } else {
        assert.equal(guest.statusCode, 403, guest.body);
        assert.equal(guest.json().code, 'TSM_E_HTTP_READ_ONLY');
      }
      const expectedActs = /actions|_doaction/.test(route.url) ? 1 : 0;
      assert.equal(monitor.acts.length - acts, expectedActs, 'only the admin request acted');
      if (expectedActs) assert.equal(monitor.acts.at(-1)!.user, ADMIN.user, 'act() learns who asked');
    });
  }
});

describe('failed logins per address', () => {
  test('past login_limit an address gets 429 even with the right password; others are not affected', async (t) => {
    const allow = [{ kind: 'host' as const, value: '127.0.0.0/8' }, ...STANDARD_ALLOW.filter((a) => a.kind !== 'host')];
    const { app, logger } = await testServer(t, { httpd: httpdConfig(allow, { loginLimit: 3 }) });
    const attempt = (password: string, remoteAddress = '127.0.0.5') =>
      app.inject({ url: '/api/v1/services', remoteAddress, headers: { authorization: basic(ADMIN.user, password) } });
    for (let i = 0; i < 3; i++) assert.equal((await attempt(`guess${i}`)).statusCode, 401);
    const blocked = await attempt(ADMIN.password);
    assert.equal(blocked.statusCode, 429, blocked.body);
    assert.equal(blocked.json().code, 'TSM_E_HTTP_TOO_MANY_LOGINS');
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.equal((await attempt(ADMIN.password, '127.0.0.6')).statusCode, 200);
    assert.equal(logger.lines.filter((l) => l.includes('failed login')).length, 3);
    assert.ok(!logger.lines.some((l) => l.includes('guess')), 'no password in a log line');
  });
});

describe('what refuses to start', () => {
  test('a TCP listener with host entries only', async () => {
    await assert.rejects(
      buildServer({ monitor: new FakeMonitor(), logger: new MemoryLogger(), httpd: httpdConfig([{ kind: 'host', value: '127.0.0.1' }]) }),
      (err: Error & { code?: string }) => err.code === 'TSM_E_HTTPD' && /needs at least one user/.test(err.message),
    );
  });
  test('a TCP listener without httpd', async () => {
    await assert.rejects(buildServer({ monitor: new FakeMonitor(), logger: new MemoryLogger() }), { code: 'TSM_E_HTTPD' });
  });
});

describe('the control-socket app', () => {
  test('serves every route without Basic auth, as user control-socket', async (t) => {
    const { app, monitor } = await testServer(t, { build: { transport: 'socket' } });
    for (const route of ROUTES) {
      const r = await app.inject(inject(route));
      assert.equal(r.statusCode, route.ok, `${route.method} ${route.url}: ${r.body}`);
    }
    assert.ok(monitor.acts.length > 0);
    assert.ok(monitor.acts.every((a) => a.user === 'control-socket'));
  });
});
