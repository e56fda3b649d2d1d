// The dashboard end to end: headless Chromium (playwright-core) against a real tsmonit process that
// supervises real fixture processes. What the issue asks the dashboard to show, one test each.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { alive, kill } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { chromiumMissing, openBrowser, type BrowserSession, type SessionOptions } from './helpers/browser.ts';
import { ADMIN, GUEST, startDashboardDaemon, type DashboardDaemon } from './helpers/daemon.ts';
import { checkScreenshots, takeScreenshots, TEST_SCREENSHOTS } from './helpers/screenshots.ts';

const EVIL = '<img src=x onerror=alert(1)>';

const TEST_CHECKS = `
  - system: box
    rules:
      - if loadavg (1min) per core > 100 then alert
  - process: web
    pidfile: \${DIR}/web.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web.pid --port \${PORT}"
    group: www
    rules:
      - if failed port \${PORT} type tcp with timeout 2 seconds then restart
      - if cpu > 95% for 5 cycles then alert
  - process: worker
    pidfile: \${DIR}/worker.pid
    start: "/bin/sh \${FIXTURES}/slow-start.sh 2 --pidfile \${DIR}/worker.pid --port \${PORT2}"
    depends: web
    group: www
    rules:
      - if failed port \${PORT2} then restart
  - process: "${EVIL}"
    pidfile: \${DIR}/evil.pid
    start: "\${NODE} \${FIXTURES}/daemonize.js \${DIR}/evil.pid"
  - host: endpoint
    address: 127.0.0.1
    rules:
      - if failed port \${PORT} with timeout 2 seconds then alert
`;

const NAMES = ['box', 'web', 'worker', EVIL, 'endpoint'];
const missing = chromiumMissing();

if (missing && process.env.CI === 'true') {
  test('Chromium is installed for the dashboard tests (CI)', () => assert.fail(missing));
}

/** The overview row of a service: its state word (data-state) as the page shows it now. */
function rowState(page: Page, name: string): Promise<string | null> {
  return page.evaluate((n) => [...document.querySelectorAll<HTMLElement>('tr[data-service]')].find((tr) => tr.dataset.service === n)?.dataset.state ?? null, name);
}

async function field(page: Page, term: string): Promise<string> {
  return (await page.locator(`dd[data-field="${term}"]`).textContent())?.trim() ?? '';
}

describe('dashboard in headless Chromium against a real daemon', { skip: missing ?? false }, () => {
  let d: DashboardDaemon;
  const sessions: BrowserSession[] = [];
  const browse = async (options: SessionOptions) => {
    const s = await openBrowser(options);
    sessions.push(s);
    return s;
  };

  before(async () => {
    d = await startDashboardDaemon(TEST_CHECKS);
  });
  // One browser per session, closed after each test.
  afterEach(async () => {
    await Promise.all(sessions.splice(0).map((s) => s.close()));
  });
  after(async () => {
    await d?.stop();
  });

  test('1. log in, see every service; a SIGKILLed process turns failed, then ok again, without a reload', async () => {
    const refused = await fetch(`${d.base}/`);
    assert.equal(refused.status, 401, 'no dashboard without logging in');
    assert.match(String(refused.headers.get('www-authenticate')), /^Basic realm="tsmonit"/);

    const { page } = await browse({ credentials: ADMIN });
    const response = await page.goto(`${d.base}/`);
    assert.equal(response?.status(), 200);
    await page.locator('#live[data-state="live"]').waitFor({ timeout: 15_000 });
    for (const name of NAMES) await waitFor(`row of ${name}`, async () => (await rowState(page, name)) === 'ok');
    const sections = await page.locator('section.type h2').allTextContents();
    assert.deepEqual(sections.map((s) => s.replace(/\s*\(\d+\)$/, '')), ['System', 'Processes', 'Hosts'], 'grouped by type');
    assert.match(await page.locator('header .who').textContent() ?? '', /Signed in as admin$/);

    // Every change of the worker's row is recorded in the page, and a marker shows it is one document.
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; marker: number };
      w.seen = [];
      w.marker = 42;
      const tr = [...document.querySelectorAll<HTMLElement>('tr[data-service]')].find((r) => r.dataset.service === 'worker')!;
      new MutationObserver(() => w.seen.push(tr.dataset.state ?? '')).observe(tr, { attributes: true, attributeFilter: ['data-state'] });
    });
    let navigations = 0;
    page.on('framenavigated', () => navigations++);
    const old = d.pid('worker.pid');
    assert.ok(alive(old));
    kill(old, 'SIGKILL');
    await waitFor('the worker row failed', async () => (await rowState(page, 'worker')) === 'failed', { timeoutMs: 20_000 });
    assert.match(await page.locator('tr[data-service="worker"] .badge').textContent() ?? '', /Does not exist/);
    await waitFor('the worker row ok again', async () => (await rowState(page, 'worker')) === 'ok', { timeoutMs: 30_000 });
    const fresh = d.pid('worker.pid');
    assert.notEqual(fresh, old);
    assert.ok(alive(fresh));
    const trace = await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; marker: number };
      return { seen: w.seen, marker: w.marker };
    });
    assert.equal(trace.marker, 42, 'the same document: no reload');
    assert.equal(navigations, 0, 'no navigation');
    assert.ok(trace.seen.indexOf('failed') >= 0 && trace.seen.lastIndexOf('ok') > trace.seen.indexOf('failed'), `row states: ${trace.seen.join(' -> ')}`);
  });

  test('2. Restart on a service page: a new PID, and the timeline shows who asked and the result', async () => {
    const { page } = await browse({ credentials: ADMIN });
    // From the worker's page, its dependency is a link to the web page.
    await page.goto(`${d.base}/service/worker`);
    await page.locator('dd[data-field="Depends on"] a', { hasText: 'web' }).click();
    await page.waitForURL(`${d.base}/service/web`);
    await page.locator('#live[data-state="live"]').waitFor();
    const old = d.pid('web.pid');
    await waitFor('the PID on the page', async () => (await field(page, 'PID')) === String(old));
    assert.match(await field(page, 'Pidfile'), /web\.pid$/);
    assert.match(await field(page, 'Start program'), /listen-daemon\.js --daemon/);
    assert.match(await field(page, 'Stop program'), /SIGTERM, then SIGKILL/);
    assert.match(await field(page, 'Schedule'), /every cycle \(1 s\)/);
    assert.equal(await field(page, 'Groups'), 'www');
    assert.equal(await field(page, 'Required by'), 'worker');
    const rules = await page.locator('.rules .rule-text').allTextContents();
    assert.deepEqual(rules, ['if does not exist then restart (implicit)', `if failed port ${d.ports[0]} type tcp with timeout 2 seconds then restart`, 'if cpu > 95% for 5 cycles then alert']);

    await page.getByRole('button', { name: 'Restart', exact: true }).click();
    await page.locator('.notice[data-state="ok"]', { hasText: /^Restart: started with pid \d+/ }).waitFor({ timeout: 30_000 });
    const fresh = d.pid('web.pid');
    assert.ok(fresh !== old && alive(fresh), `a new pid (${old} -> ${fresh})`);
    assert.ok(!alive(old));
    await waitFor('the new PID on the page', async () => (await field(page, 'PID')) === String(fresh));

    // The service page's timeline (live, no reload): the request with its user, then the result.
    const requested = page.locator('.timeline .event', { hasText: 'restart requested' }).first();
    await requested.waitFor();
    assert.match(await requested.textContent() ?? '', /Asked by\s*admin/);
    const done = page.locator('.timeline .event', { hasText: `started with pid ${fresh}` }).first();
    await done.waitFor({ timeout: 15_000 });
    const doneText = await done.textContent() ?? '';
    assert.match(doneText, /Result\s*ok in/);
    assert.match(doneText, /Asked by\s*admin/);

    // The event timeline, filtered to this service's actions, says the same, newest first.
    await page.goto(`${d.base}/events?service=web&kind=action`);
    const items = page.locator('.timeline .event');
    await items.first().waitFor();
    const texts = await items.allTextContents();
    const at = (re: RegExp) => texts.findIndex((x) => re.test(x));
    assert.ok(at(new RegExp(`started with pid ${fresh}`)) >= 0 && at(/restart requested/) > at(new RegExp(`started with pid ${fresh}`)), `newest first: ${texts.join(' | ')}`);
    const listed = await page.locator('.timeline .event').evaluateAll((els) => els.map((el) => `${(el as HTMLElement).dataset.service}/${(el as HTMLElement).dataset.kind}`));
    assert.deepEqual([...new Set(listed)], ['web/action'], 'only web actions are listed');
    assert.equal(await page.locator('#service').inputValue(), 'web');
    assert.equal(await page.locator('#kind').inputValue(), 'action');
  });

  test('3. a read-only user sees no action buttons, and a forged POST from that page is refused', async () => {
    const { page } = await browse({ credentials: GUEST });
    await page.goto(`${d.base}/service/web`);
    await waitFor('the page filled in', async () => /^\d+$/.test(await field(page, 'PID')));
    const pid = d.pid('web.pid');
    assert.match(await page.locator('header .who').textContent() ?? '', /guest \(read-only\)/);
    assert.equal(await page.locator('button').count(), 0, 'no buttons at all');
    assert.equal(await page.getByRole('group', { name: /Actions/ }).count(), 0);

    const forged = await page.evaluate(async () => {
      const token = document.cookie.split(';').map((c) => c.trim().split('=')).find(([k]) => k === 'securitytoken')?.[1] ?? '';
      const json = await fetch('/api/v1/services/web/actions', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ action: 'stop' }) });
      const form = await fetch('/_doaction', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `action=stop&service=web&securitytoken=${token}` });
      return { token: token.length, json: { status: json.status, body: await json.json() }, form: form.status };
    });
    assert.ok(forged.token >= 32, 'the page had a CSRF token to forge with');
    assert.equal(forged.json.status, 403);
    assert.equal(forged.json.body.code, 'TSM_E_HTTP_READ_ONLY');
    assert.equal(forged.form, 403);

    // An admin page cannot be made to act without the token either (CSRF).
    const admin = await browse({ credentials: ADMIN });
    await admin.page.goto(`${d.base}/service/web`);
    const noToken = await admin.page.evaluate(async () => {
      const r = await fetch('/api/v1/services/web/actions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'stop' }) });
      return { status: r.status, code: (await r.json()).code };
    });
    assert.deepEqual(noToken, { status: 403, code: 'TSM_E_HTTP_CSRF' });
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(d.pid('web.pid'), pid);
    assert.ok(alive(pid), 'web still runs');
  });

  test('4. a service named <img src=x onerror=alert(1)> renders as text', async () => {
    const s = await browse({ credentials: ADMIN });
    const { page } = s;
    await page.goto(`${d.base}/`);
    await waitFor('the row', async () => (await rowState(page, EVIL)) === 'ok');
    const shown = await page.evaluate((n) => {
      const tr = [...document.querySelectorAll<HTMLElement>('tr[data-service]')].find((r) => r.dataset.service === n)!;
      return { text: tr.querySelector('th a')!.textContent, imgs: tr.querySelectorAll('img').length, all: [...document.querySelectorAll('img')].map((i) => i.getAttribute('src')) };
    }, EVIL);
    assert.equal(shown.text, EVIL);
    assert.equal(shown.imgs, 0);
    assert.deepEqual(shown.all, ['/assets/favicon.svg'], 'the only image is the logo');

    await page.locator('th a', { hasText: EVIL }).click();
    await page.waitForURL(`${d.base}/service/${encodeURIComponent(EVIL)}`);
    await waitFor('the page filled in', async () => /^\d+$/.test(await field(page, 'PID')));
    assert.equal(await page.locator('h1').textContent(), EVIL);
    assert.equal(await page.title(), `${EVIL} – tsmonit`);
    assert.equal(await page.locator('main img').count(), 0);

    await page.goto(`${d.base}/events?service=${encodeURIComponent(EVIL)}`);
    await page.locator('.timeline .event').first().waitFor();
    assert.ok((await page.locator('.timeline .ev-service').allTextContents()).every((t) => t === EVIL));
    assert.equal(await page.locator('main img').count(), 0);
    assert.deepEqual(s.dialogs, [], 'no script ran');
    assert.ok(!s.requests.some((u) => new URL(u).pathname.endsWith('/x')), 'src=x was never fetched');
  });

  test('5. the pages make no request to any host but tsmonit\'s own', async () => {
    const s = await browse({ credentials: ADMIN });
    const { page } = s;
    await page.goto(`${d.base}/`);
    await page.locator('#live[data-state="live"]').waitFor();
    await page.locator('th a', { hasText: 'web' }).first().click();
    await page.locator('.chart canvas').first().waitFor({ timeout: 15_000 });
    await page.locator('a[data-nav="events"]').click();
    await page.locator('.timeline .event').first().waitFor();
    await page.selectOption('#kind', 'action');
    await page.waitForURL(/kind=action/);
    const origin = new URL(d.base).origin;
    const paths = s.requests.map((u) => new URL(u));
    assert.ok(paths.length >= 10, `requests: ${s.requests.join(' ')}`);
    for (const want of ['/', '/assets/app.css', '/assets/js/main.js', '/assets/vendor/uPlot.iife.min.js', '/api/v1/services', '/api/v1/events/stream', '/api/v1/services/web/history', '/api/v1/events']) {
      assert.ok(paths.some((u) => u.pathname === want), `${want} was requested`);
    }
    const foreign = s.requests.filter((u) => new URL(u).origin !== origin);
    assert.deepEqual(foreign, [], 'only our own origin');
    assert.deepEqual(s.pageErrors, []);
    assert.deepEqual(s.consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m)), [], 'no CSP violation');
  });

  test('6. screenshots of the overview and a service page, desktop and 360 px', async () => {
    const files = await takeScreenshots(d.base, 'web', TEST_SCREENSHOTS);
    checkScreenshots(files);
  });

  test('7. keyboard only: skip link, a service link by Tab and Enter, the action buttons; every control has a name', async () => {
    const { page } = await browse({ credentials: ADMIN });
    await page.goto(`${d.base}/`);
    await waitFor('rows', async () => (await rowState(page, 'web')) === 'ok');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to the content');
    const focused = async () => page.evaluate(() => `${document.activeElement?.tagName}:${document.activeElement?.textContent?.trim()}`);
    const tabTo = async (want: string) => {
      for (let i = 0; i < 40; i++) {
        if ((await focused()) === want) return;
        await page.keyboard.press('Tab');
      }
      assert.fail(`Tab never reached ${want} (at ${await focused()})`);
    };
    await tabTo('A:web');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${d.base}/service/web`);
    await page.locator('.actions button').first().waitFor();
    await tabTo('BUTTON:Restart');
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('a, button, select, input')]
      .filter((el) => !(el.getAttribute('aria-label') || el.textContent?.trim() || (el.id && document.querySelector(`label[for="${el.id}"]`))))
      .map((el) => el.outerHTML));
    assert.deepEqual(unnamed, []);
    assert.equal(await page.getByRole('group', { name: 'Actions on web' }).count(), 1);
    await page.locator('.chart-plot[role="img"][aria-label*="over the last hour"]').first().waitFor({ timeout: 15_000 });
    assert.ok(await page.locator('.chart-plot[role="img"][aria-label*="over the last hour"]').count() >= 2, 'charts have a text alternative');
  });

  test('8. Stop (no stop program: SIGTERM), Start, Unmonitor and Monitor from the buttons, the page following live', async () => {
    const { page } = await browse({ credentials: ADMIN });
    await page.goto(`${d.base}/service/${encodeURIComponent(EVIL)}`);
    await waitFor('the page filled in', async () => /^\d+$/.test(await field(page, 'PID')));
    const old = d.pid('evil.pid');
    assert.ok(alive(old));
    assert.match(await field(page, 'Stop program'), /none: SIGTERM, then SIGKILL/);
    const press = async (label: string, result: RegExp) => {
      await page.getByRole('button', { name: label, exact: true }).click();
      await page.locator('.notice[data-state="ok"]', { hasText: result }).waitFor({ timeout: 30_000 });
    };
    await press('Stop', /^Stop: stopped/);
    await waitFor('the process ended', () => !alive(old));
    await waitFor('shown as not monitored', async () => (await field(page, 'Monitoring')) === 'not monitored');
    assert.equal(await page.locator('#app').getAttribute('data-state'), 'off');
    await press('Start', /^Start: started with pid \d+/);
    await waitFor('running again', async () => {
      const pid = d.pid('evil.pid');
      return pid !== old && alive(pid) && (await field(page, 'PID')) === String(pid);
    });
    await press('Unmonitor', /^Unmonitor: /);
    await waitFor('unmonitored', async () => (await field(page, 'Monitoring')) === 'not monitored');
    await press('Monitor', /^Monitor: /);
    await waitFor('monitored and ok again', async () => (await page.locator('#app').getAttribute('data-state')) === 'ok', { timeoutMs: 20_000 });
  });

  test('9. 360 px wide without sideways scrolling; dark and light follow the system setting', async () => {
    const background = async (colorScheme: 'light' | 'dark') => {
      const { page } = await browse({ credentials: ADMIN, width: 360, height: 740, colorScheme });
      const widths: number[] = [];
      for (const path of ['/', '/service/web', '/events']) {
        await page.goto(`${d.base}${path}`);
        await page.locator('#live[data-state="live"]').waitFor();
        await page.locator(path === '/' ? 'tr[data-service]' : path === '/events' ? '.timeline .event' : '.chart canvas').first().waitFor();
        widths.push(await page.evaluate(() => document.documentElement.scrollWidth));
      }
      assert.ok(widths.every((w) => w <= 360), `page widths at 360 px: ${widths.join(', ')}`);
      return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    };
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    assert.ok(luminance(await background('light')) > 200, 'light background');
    assert.ok(luminance(await background('dark')) < 50, 'dark background');
  });
});
