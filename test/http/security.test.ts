// Security headers, CSRF (CVE-2016-7067), escaping (CVE-2019-11454), and no secret in any answer or log.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import bcrypt from 'bcryptjs';
import { XMLParser } from 'fast-xml-parser';
import { sameSecret } from '../../src/http/password-hash.ts';
import { ADMIN, FakeMonitor, STANDARD_ALLOW, basic, httpdConfig, processService } from './helpers/fake-monitor.ts';
import { ROUTES } from './helpers/routes.ts';
import { testServer } from './helpers/server.ts';

const auth = { authorization: basic(ADMIN.user, ADMIN.password) };

describe('security headers', () => {
  test('CSP without inline script, frame, nosniff and referrer headers on pages, JSON and errors; no HSTS without TLS', async (t) => {
    const { app } = await testServer(t);
    for (const [url, headers] of [['/', auth], ['/api/v1/services', auth], ['/api/v1/services', {}], ['/nope', auth]] as const) {
      const r = await app.inject({ url, headers });
      const csp = String(r.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'(;|$)/, url);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(r.headers['x-frame-options'], 'DENY');
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(r.headers['referrer-policy'], 'same-origin');
      assert.equal(r.headers['strict-transport-security'], undefined, 'HSTS only on TLS (tls.test.ts)');
    }
  });

  test('the dashboard pages load script from files only: no inline script, no inline style, no handler attribute', async (t) => {
    const { app } = await testServer(t);
    for (const url of ['/', '/events', '/service/web']) {
      const page = (await app.inject({ url, headers: auth })).body;
      assert.match(page, /<table>/, 'the plain table for browsers without script');
      const scripts = [...page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      assert.ok(scripts.length > 0, url);
      for (const [, attrs, body] of scripts) {
        assert.match(attrs!, /\ssrc="\/assets\/[^"]+"/, `${url}: a script from this server`);
        assert.equal(body!.trim(), '', `${url}: no inline script`);
      }
      assert.doesNotMatch(page, /<style|\sstyle=|\son\w+=/i, url);
    }
  });
});

describe('CSRF: browser POSTs need the same origin and the double-submit token', () => {
  const action = { method: 'POST' as const, url: '/api/v1/services/web/actions', payload: { action: 'restart' } };
  const origin = 'http://localhost:80';

  test('a non-browser client (no Origin, no Sec-Fetch-Site) needs no token', async (t) => {
    const { app } = await testServer(t);
    assert.equal((await app.inject({ ...action, headers: auth })).statusCode, 202);
  });

  test('cross-site POSTs are refused, with or without a token', async (t) => {
    const { app, monitor } = await testServer(t);
    const cookie = 'securitytoken=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    const attempts = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'http://evil.example', cookie, 'x-csrf-token': 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    ];
    for (const headers of attempts) {
      const r = await app.inject({ ...action, headers: { ...auth, host: 'localhost:80', ...headers } });
      assert.equal(r.statusCode, 403, JSON.stringify(headers));
      assert.equal(r.json().code, 'TSM_E_HTTP_CSRF');
    }
    // A cross-site HTML form post (the CVE's exploit): form encoding, no token.
    const formPost = await app.inject({
      method: 'POST', url: '/_doaction', payload: 'action=stop&service=web',
      headers: { ...auth, host: 'localhost:80', origin: 'http://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(formPost.statusCode, 403);
    assert.equal(monitor.acts.length, 0);
  });

  test('a same-origin browser POST needs the cookie and the same token in a header or form field', async (t) => {
    const { app, monitor } = await testServer(t);
    const page = await app.inject({ url: '/', headers: auth });
    const setCookie = String(page.headers['set-cookie']);
    assert.match(setCookie, /^securitytoken=[A-Za-z0-9_-]{32,}; Path=\/; Max-Age=\d+; SameSite=Strict$/);
    const token = /^securitytoken=([^;]+)/.exec(setCookie)![1]!;
    const browser = { ...auth, host: 'localhost:80', origin, 'sec-fetch-site': 'same-origin' };

    assert.equal((await app.inject({ ...action, headers: browser })).statusCode, 403, 'no token');
    assert.equal((await app.inject({ ...action, headers: { ...browser, cookie: `securitytoken=${token}` } })).statusCode, 403, 'cookie only');
    assert.equal((await app.inject({ ...action, headers: { ...browser, 'x-csrf-token': token } })).statusCode, 403, 'header only');
    const other = 'B'.repeat(token.length);
    assert.equal((await app.inject({ ...action, headers: { ...browser, cookie: `securitytoken=${token}`, 'x-csrf-token': other } })).statusCode, 403, 'different');
    assert.equal(monitor.acts.length, 0);

    const viaHeader = await app.inject({ ...action, headers: { ...browser, cookie: `a=b; securitytoken=${token}`, 'x-csrf-token': token } });
    assert.equal(viaHeader.statusCode, 202, viaHeader.body);
    const viaForm = await app.inject({
      method: 'POST', url: '/_doaction', payload: `action=stop&service=web&securitytoken=${token}`,
      headers: { ...browser, cookie: `securitytoken=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal(viaForm.statusCode, 200, viaForm.body);
    assert.equal(monitor.acts.length, 2);
  });

  test('no cookie is handed out before authentication', async (t) => {
    const { app } = await testServer(t);
    assert.equal((await app.inject({ url: '/' })).headers['set-cookie'], undefined);
  });
});

describe('escaping (CVE-2019-11454)', () => {
  const evil = '<script>alert(1)</script>';

  test('a service name with <script> comes back escaped in HTML, XML and JSON', async (t) => {
    const monitor = new FakeMonitor([processService(evil, { status: `Does not exist ${evil}` })]);
    monitor.emit({ service: evil, kind: 'exec', state: 'failed', message: `output ${evil}`, output: evil });
    const { app } = await testServer(t, { monitor });
    const pages = ['/', '/api/v1/services', '/api/v1/events', `/api/v1/services/${encodeURIComponent(evil)}`, '/_status?format=xml'];
    for (const url of pages) {
      const r = await app.inject({ url, headers: auth });
      assert.equal(r.statusCode, 200, url);
      assert.ok(!r.body.includes(evil), `${url} carries the raw name: ${r.body.slice(0, 300)}`);
      assert.ok(!r.body.includes('<script>'), `${url} carries a raw <script>`);
    }
    const home = (await app.inject({ url: '/', headers: auth })).body;
    assert.ok(home.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    const json = await app.inject({ url: '/api/v1/services', headers: auth });
    assert.equal(json.json().services[0].name, evil, 'JSON escapes < > as \\u003c, the value is unchanged');
    const xml = new XMLParser().parse((await app.inject({ url: '/_status?format=xml', headers: auth })).body);
    assert.equal(xml.monit.service.name, evil);
    // Plain-text formats are text/plain with nosniff: never rendered as markup.
    const text = await app.inject({ url: '/_status', headers: auth });
    assert.match(String(text.headers['content-type']), /^text\/plain/);
    assert.equal(text.headers['x-content-type-options'], 'nosniff');
  });

  test('a user name with <script> comes back escaped on the page and in events, and is quoted in the log', async (t) => {
    const user = '<script>x</script>" forged';
    const { app, monitor, logger } = await testServer(t, {
      httpd: httpdConfig([...STANDARD_ALLOW, { kind: 'user', user: '<script>x</script>', password: 'pw', readonly: false }]),
    });
    const page = await app.inject({ url: '/', headers: { authorization: basic('<script>x</script>', 'pw') } });
    assert.ok(page.body.includes('Signed in as &lt;script&gt;x&lt;/script&gt;'));
    await app.inject({ method: 'POST', url: '/api/v1/services/web/actions', payload: { action: 'start' }, headers: { authorization: basic('<script>x</script>', 'pw') } });
    assert.equal(monitor.acts.at(-1)!.user, '<script>x</script>');
    const events = await app.inject({ url: '/api/v1/events', headers: auth });
    assert.ok(!events.body.includes('<script'));
    assert.equal(events.json().events[0].user, '<script>x</script>');
    await app.inject({ url: '/', headers: { authorization: basic(user, 'wrong') } });
    const line = logger.lines.find((l) => l.includes('failed login'))!;
    assert.ok(line.includes(JSON.stringify(user)), line);
    assert.ok(line.includes('\\"'), 'the quote is escaped: the name cannot end the quoted field');
  });
});

describe('secrets never leave', () => {
  test('no password or hash in any answer, to any user, nor in the log', async (t) => {
    const hash = bcrypt.hashSync('hashed-Secret-1', 4);
    const allow = [
      { kind: 'user' as const, user: 'root', password: 'clear-Secret-2', readonly: false },
      { kind: 'user' as const, user: 'viewer', password: 'clear-Secret-3', readonly: true },
      { kind: 'user' as const, user: 'ops', password: hash, readonly: false },
    ];
    const { app, logger } = await testServer(t, { httpd: httpdConfig(allow, { loginLimit: 1000 }) });
    const secrets = ['Secret-1', 'Secret-2', 'Secret-3', hash, hash.slice(7)];
    for (const who of [basic('root', 'clear-Secret-2'), basic('viewer', 'clear-Secret-3'), basic('ops', 'hashed-Secret-1')]) {
      for (const route of ROUTES.filter((r) => r.method === 'GET')) {
        const r = await app.inject({ url: route.url, headers: { authorization: who } });
        assert.equal(r.statusCode, 200, route.url);
        for (const secret of secrets) assert.ok(!r.body.includes(secret) && !JSON.stringify(r.headers).includes(secret), `${route.url} leaks ${secret}`);
      }
    }
    await app.inject({ url: '/', headers: { authorization: basic('root', 'wrong-Secret-4') } });
    assert.ok(logger.lines.some((l) => l.includes('failed login')));
    assert.ok(!logger.lines.some((l) => [...secrets, 'Secret-4'].some((s) => l.includes(s))), logger.lines.join('\n'));
  });

  test('credentials compare in constant time: keyed digests of equal length, any input length', () => {
    // timingSafeEqual throws on different lengths; comparing digests makes every comparison the same size.
    assert.equal(sameSecret('monit', 'monit'), true);
    assert.equal(sameSecret('monit', 'monix'), false);
    assert.equal(sameSecret('', 'x'.repeat(5000)), false);
    assert.equal(sameSecret('x'.repeat(5000), 'x'.repeat(5000)), true);
  });
});
