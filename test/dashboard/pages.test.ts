// The dashboard's routes without a browser: pages filled in and escaped, files served from web/ only and
// only to signed-in users, the history route, and the page's own code building text, never markup.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ServiceHistory } from '../../src/daemon/facade.ts';
import Fastify from 'fastify';
import { dashboardRoutes, renderPage } from '../../src/http/dashboard.ts';
import { WEB_DIR, loadWebAssets } from '../../src/http/web-assets.ts';
import { EVENT_KINDS } from '../../src/model/event.ts';
import { ROOT } from '../helpers/processes.ts';
import { ADMIN, FakeMonitor, GUEST, STANDARD_ALLOW, basic, httpdConfig, processService } from '../http/helpers/fake-monitor.ts';
import { testServer } from '../http/helpers/server.ts';

const admin = { authorization: basic(ADMIN.user, ADMIN.password) };
const guest = { authorization: basic(GUEST.user, GUEST.password) };

function body(html: string): Record<string, string> {
  const tag = /<body([^>]*)>/.exec(html)![1]!;
  return Object.fromEntries([...tag.matchAll(/data-(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

describe('dashboard pages', () => {
  test('overview, events and service pages: HTML with the CSP, never cached, naming the page and the user', async (t) => {
    const { app } = await testServer(t);
    for (const [url, page] of [['/', 'overview'], ['/events', 'events'], ['/service/web', 'service']] as const) {
      const r = await app.inject({ url, headers: admin });
      assert.equal(r.statusCode, 200, url);
      assert.match(String(r.headers['content-type']), /^text\/html/);
      assert.equal(r.headers['cache-control'], 'no-store');
      assert.match(String(r.headers['content-security-policy']), /script-src 'self'(;|$)/);
      assert.deepEqual(body(r.body), { page, service: page === 'service' ? 'web' : '', user: 'admin', readonly: 'false', version: '0.1.0' });
      assert.match(r.body, /Signed in as admin<\/span>/);
      assert.doesNotMatch(r.body, /\{\{\w+\}\}/, 'every placeholder filled');
    }
    const ro = await app.inject({ url: '/service/web', headers: guest });
    assert.equal(body(ro.body).readonly, 'true');
    assert.match(ro.body, /Signed in as guest \(read-only\)/);
  });

  test('an unknown service page is a 404 page; pages and files need a login', async (t) => {
    const { app } = await testServer(t);
    const r = await app.inject({ url: '/service/nope', headers: admin });
    assert.equal(r.statusCode, 404);
    assert.equal(body(r.body).service, 'nope');
    for (const url of ['/', '/events', '/service/web', '/assets/js/main.js', '/assets/app.css', '/api/v1/services/web/history']) {
      assert.equal((await app.inject({ url })).statusCode, 401, url);
    }
  });

  test('names with markup or placeholders are escaped once and never expanded', async (t) => {
    const evil = '<img src=x onerror=alert(1)>{{user}}"\'';
    const monitor = new FakeMonitor([processService(evil)]);
    const { app } = await testServer(t, { monitor });
    const r = await app.inject({ url: `/service/${encodeURIComponent(evil)}`, headers: admin });
    assert.equal(r.statusCode, 200);
    assert.ok(!r.body.includes('<img src=x'), 'no raw markup');
    assert.equal(body(r.body).service, '&lt;img src=x onerror=alert(1)&gt;{{user}}&quot;&#39;');
    assert.match(r.body, /<title>&lt;img src=x onerror=alert\(1\)&gt;\{\{user\}\}&quot;&#39; – tsmonit on testhost<\/title>/);
    const direct = renderPage('<p>{{service}}|{{user}}|{{nothing}}</p>', monitor, { page: 'service', service: '{{user}}', principal: { user: '{{service}}', readonly: false } });
    assert.equal(direct, '<p>{{user}}|{{service}}|{{nothing}}</p>');
  });
});

describe('dashboard files', () => {
  test('served from web/ with a type and an ETag; unchanged files answer 304; nothing outside web/', async (t) => {
    const { app } = await testServer(t);
    const js = await app.inject({ url: '/assets/js/main.js', headers: admin });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['content-type']), /^text\/javascript/);
    assert.equal(js.body, readFileSync(join(WEB_DIR, 'js', 'main.js'), 'utf8'));
    assert.equal(js.headers['cache-control'], 'no-cache');
    const again = await app.inject({ url: '/assets/js/main.js', headers: { ...admin, 'if-none-match': String(js.headers.etag) } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.match(String((await app.inject({ url: '/assets/app.css', headers: admin })).headers['content-type']), /^text\/css/);
    assert.match(String((await app.inject({ url: '/assets/vendor/uPlot.iife.min.js', headers: admin })).headers['content-type']), /^text\/javascript/);
    for (const url of ['/assets/../package.json', '/assets/%2e%2e/package.json', '/assets/index.html', '/assets/vendor/uPlot.LICENSE', '/assets/', '/assets/js/nope.js']) {
      const r = await app.inject({ url, headers: admin });
      assert.ok(r.statusCode === 404 || r.statusCode === 400, `${url}: ${r.statusCode}`);
      assert.ok(!r.body.includes('"name": "tsmonit"'), url);
    }
  });

  test('without web/ (a stripped install) / is the plain table of services, and no file is served', async (t) => {
    const assets = await loadWebAssets(join(ROOT, 'no-such-web-dir'));
    assert.equal(assets.template, null);
    assert.equal(assets.files.size, 0);
    const app = Fastify();
    app.decorateRequest('principal', null);
    dashboardRoutes(app, new FakeMonitor(), assets);
    t.after(() => app.close());
    const page = await app.inject({ url: '/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>tsmonit 0\.1\.0 on testhost<\/h1>/);
    assert.match(page.body, /<td><a href="\/api\/v1\/services\/web">web<\/a><\/td><td>OK<\/td><td>process<\/td><\/tr>/);
    assert.doesNotMatch(page.body, /<script/);
    assert.equal((await app.inject({ url: '/assets/js/main.js' })).statusCode, 404);
  });

  test('every module the page imports is a served file (no broken import without a browser)', async () => {
    const assets = await loadWebAssets();
    const modules = [...assets.files.keys()].filter((f) => f.startsWith('js/'));
    assert.ok(modules.includes('js/main.js'));
    for (const file of modules) {
      const text = assets.files.get(file)!.body.toString('utf8');
      for (const [, spec] of text.matchAll(/^import [^'"]*['"](.+?)['"];$/gm)) {
        const target = new URL(spec!, `http://x/${file}`).pathname.slice(1);
        assert.ok(assets.files.has(target), `${file} imports ${spec}, which is not served`);
      }
    }
  });

  test('the page code builds text nodes only: no innerHTML, no document.write, no eval', () => {
    const dir = join(WEB_DIR, 'js');
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      assert.doesNotMatch(text, /innerHTML|outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function|setAttribute\(\s*['"]on|\.on\w+\s*=/, file);
    }
  });

  test('the event kinds in the page are the server\'s; the vendored uPlot is the installed one', () => {
    const kinds = readFileSync(join(WEB_DIR, 'js', 'kinds.js'), 'utf8');
    const listed = [...kinds.matchAll(/'(\w+)'/g)].map((m) => m[1]);
    assert.deepEqual(listed, [...EVENT_KINDS]);
    for (const file of ['uPlot.iife.min.js', 'uPlot.min.css']) {
      assert.ok(readFileSync(join(WEB_DIR, 'vendor', file)).equals(readFileSync(join(ROOT, 'node_modules', 'uplot', 'dist', file))), `web/vendor/${file} is a copy of node_modules/uplot/dist/${file}`);
    }
  });
});

describe('GET /api/v1/services/:name/history', () => {
  test('the facade\'s history as JSON; 404 JSON for an unknown service or a facade without history', async (t) => {
    const history: ServiceHistory = { name: 'web', windowSeconds: 3600, times: [1, 2], cpu: [1, null], memory: [5, 6], ports: [{ label: 'localhost:80 TCP', responseMs: [1.5, null] }] };
    const monitor = Object.assign(new FakeMonitor(), { history: (name: string) => (name === 'web' ? history : undefined) });
    const { app } = await testServer(t, { monitor, httpd: httpdConfig(STANDARD_ALLOW) });
    const r = await app.inject({ url: '/api/v1/services/web/history', headers: guest });
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json(), history);
    const unknown = await app.inject({ url: '/api/v1/services/nope/history', headers: admin });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'TSM_E_UNKNOWN_SERVICE');
    const { app: plain } = await testServer(t);
    assert.equal((await plain.inject({ url: '/api/v1/services/web/history', headers: admin })).statusCode, 404);
  });
});
