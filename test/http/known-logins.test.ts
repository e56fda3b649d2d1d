// Authorization header values verified good are known without the full check (src/http/known-logins.ts,
// from the HTTP benchmark's profile). Never a failure remembered, never a wrong password accepted after a
// right one, a read-only user stays read-only, the login limit still comes first, and new credentials
// (a server built from a changed allow list) know nothing of the old ones.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import bcrypt from 'bcryptjs';
import Fastify from 'fastify';
import { installAuth, type Access } from '../../src/http/auth.ts';
import { CredentialStore } from '../../src/http/credentials.ts';
import { HostAllowList } from '../../src/http/host-allow.ts';
import { KnownLogins } from '../../src/http/known-logins.ts';
import { LoginLimiter } from '../../src/http/login-limit.ts';
import type { HttpdConfig } from '../../src/model/config.ts';
import { ADMIN, GUEST, MemoryLogger, STANDARD_ALLOW, basic, httpdConfig } from './helpers/fake-monitor.ts';
import { testServer } from './helpers/server.ts';

describe('KnownLogins', () => {
  test('only the exact header value, until it expires; bounded', () => {
    let now = 1_000;
    const known = new KnownLogins(() => now);
    const admin = { user: 'admin', readonly: false };
    assert.equal(known.principal(basic('admin', 'monit')), null, 'nothing known at first');
    known.remember(basic('admin', 'monit'), admin);
    assert.deepEqual(known.principal(basic('admin', 'monit')), admin);
    for (const other of [basic('admin', 'monix'), basic('admin', 'moni'), basic('admin', 'monit '), basic('Admin', 'monit'), '', 'Basic']) {
      assert.equal(known.principal(other), null, other);
    }
    now += 5 * 60_000 + 1;
    assert.equal(known.principal(basic('admin', 'monit')), null, 'expired');
    for (let i = 0; i < 50; i++) known.remember(basic(`u${i}`, 'pw'), { user: `u${i}`, readonly: true });
    assert.ok(known.size <= 8, `bounded (${known.size})`);
    assert.deepEqual(known.principal(basic('u49', 'pw')), { user: 'u49', readonly: true }, 'the newest is kept');
  });
});

/** A protected app with installAuth over a real store whose full checks are counted. */
async function countingApp(allow: HttpdConfig['allow'], loginLimit = 100) {
  const users = await CredentialStore.create(allow, new MemoryLogger());
  let checks = 0;
  const check = users.check.bind(users);
  users.check = async (user, password) => {
    checks += 1;
    return check(user, password);
  };
  const access: Access = { transport: 'tcp', hosts: await HostAllowList.create([], new MemoryLogger()), users, limiter: new LoginLimiter(loginLimit) };
  const app = Fastify();
  app.decorateRequest('principal', null);
  await app.register(async (ctx) => {
    await installAuth(ctx, access, new MemoryLogger());
    ctx.get('/who', async (request) => request.principal);
    ctx.post('/act', async () => ({ ok: true }));
  });
  return { app, checks: () => checks };
}

describe('Basic auth with known header values', () => {
  test('a good header is checked once; a wrong password is never accepted after a right one and is checked every time', async (t) => {
    const { app, checks } = await countingApp(STANDARD_ALLOW);
    t.after(() => app.close());
    const as = (authorization: string, url = '/who') => app.inject({ url, headers: { authorization } });
    for (let i = 0; i < 5; i++) {
      const r = await as(basic(ADMIN.user, ADMIN.password));
      assert.equal(r.statusCode, 200);
      assert.deepEqual(r.json(), { user: ADMIN.user, readonly: false });
    }
    assert.equal(checks(), 1, 'the full check ran once for five requests');
    for (let i = 0; i < 3; i++) {
      for (const wrong of [basic(ADMIN.user, 'wrong'), basic(ADMIN.user, `${ADMIN.password}x`), basic(ADMIN.user, ADMIN.password.slice(0, -1)), basic(GUEST.user, ADMIN.password)]) {
        assert.equal((await as(wrong)).statusCode, 401, wrong);
      }
    }
    assert.equal(checks(), 1 + 12, 'every failure took the full check: none was remembered');
    assert.equal((await as(basic(ADMIN.user, ADMIN.password))).statusCode, 200, 'the right one still works');
    const guest = await as(basic(GUEST.user, GUEST.password));
    assert.deepEqual(guest.json(), { user: GUEST.user, readonly: true });
    assert.equal((await as(basic(GUEST.user, GUEST.password), '/who')).json().readonly, true);
    const post = await app.inject({ method: 'POST', url: '/act', headers: { authorization: basic(GUEST.user, GUEST.password) } });
    assert.equal(post.statusCode, 403, 'a known read-only user is still read-only');
    assert.equal(checks(), 1 + 12 + 1, 'the guest checked once');
  });

  test('a bcrypt password is hashed once, not per request', async (t) => {
    const { app, checks } = await countingApp([{ kind: 'user', user: 'ops', password: bcrypt.hashSync('ops-pw', 4), readonly: false }]);
    t.after(() => app.close());
    for (let i = 0; i < 4; i++) assert.equal((await app.inject({ url: '/who', headers: { authorization: basic('ops', 'ops-pw') } })).statusCode, 200);
    assert.equal((await app.inject({ url: '/who', headers: { authorization: basic('ops', 'ops-pX') } })).statusCode, 401);
    assert.equal(checks(), 2);
  });

  test('past the login limit a known good header gets 429 too', async (t) => {
    const { app } = await countingApp(STANDARD_ALLOW, 2);
    t.after(() => app.close());
    const good = { authorization: basic(ADMIN.user, ADMIN.password) };
    assert.equal((await app.inject({ url: '/who', headers: good })).statusCode, 200);
    for (let i = 0; i < 2; i++) assert.equal((await app.inject({ url: '/who', headers: { authorization: basic(ADMIN.user, 'no') } })).statusCode, 401);
    assert.equal((await app.inject({ url: '/who', headers: good })).statusCode, 429);
  });

  test('a changed password: the server built from the new allow list refuses the old one, known or not', async (t) => {
    const before = await testServer(t, { httpd: httpdConfig([{ kind: 'user', user: 'admin', password: 'old-pw', readonly: false }]) });
    const old = { authorization: basic('admin', 'old-pw') };
    assert.equal((await before.app.inject({ url: '/api/v1/services', headers: old })).statusCode, 200);
    assert.equal((await before.app.inject({ url: '/api/v1/services', headers: old })).statusCode, 200);
    const after = await testServer(t, { httpd: httpdConfig([{ kind: 'user', user: 'admin', password: 'new-pw', readonly: false }]) });
    assert.equal((await after.app.inject({ url: '/api/v1/services', headers: old })).statusCode, 401);
    assert.equal((await after.app.inject({ url: '/api/v1/services', headers: { authorization: basic('admin', 'new-pw') } })).statusCode, 200);
    assert.equal((await before.app.inject({ url: '/api/v1/services', headers: { authorization: basic('admin', 'new-pw') } })).statusCode, 401);
  });
});
