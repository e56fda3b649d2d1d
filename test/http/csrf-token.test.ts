// CSRF tokens are drawn from a pool of random bytes (src/http/csrf.ts, HTTP benchmark profile): every
// answer to a client without the cookie still gets its own 24-byte token, across refills of the pool.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN, basic } from './helpers/fake-monitor.ts';
import { testServer } from './helpers/server.ts';

test('300 answers, 300 different well-formed tokens', async (t) => {
  const { app } = await testServer(t);
  const tokens = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const r = await app.inject({ url: '/_ping', headers: { authorization: basic(ADMIN.user, ADMIN.password) } });
    const m = /^securitytoken=([A-Za-z0-9_-]{32}); Path=\/; Max-Age=\d+; SameSite=Strict$/.exec(String(r.headers['set-cookie']));
    assert.ok(m, String(r.headers['set-cookie']));
    assert.notEqual(m[1], 'A'.repeat(32), 'not a zeroed slice');
    tokens.add(m[1]!);
  }
  assert.equal(tokens.size, 300);
});
