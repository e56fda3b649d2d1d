// Must show 1: against a real SMTP server (smtp-server), a failing service sends one mail with monit's subject and
// body, a reminder comes after N checks, the recovery sends one mail, and filtered events send none.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { test } from 'node:test';
import { waitFor } from '../helpers/wait.ts';
import { startAlertMonitor } from './support/alert-harness.ts';
import { startMailSink } from './support/mail-sink.ts';
import { togglePort } from './support/toggle-port.ts';

test('mail: one failure mail, a reminder after 3 checks, one recovery mail, nothing for filtered events', async (t) => {
  const sink = await startMailSink();
  const api = await togglePort();
  const h = await startAlertMonitor(`
daemon: 300ms
statefile: \${DIR}/state.json
control_socket: false
mailserver: { host: 127.0.0.1, port: ${sink.port}, timeout: 5s }
mail_format: { from: "tsmonit@$HOST" }
alerts:
  - email: ops@example.com
    but_not_on: [instance]
    reminder: 3
  - email: pager@example.com
    only_on: [nonexist]
checks:
  - host: api
    address: 127.0.0.1
    rules:
      - if failed port ${api.port} type tcp with timeout 1 seconds then alert
`);
  t.after(async () => {
    await h.quit();
    await sink.close();
    await api.down();
    rmSync(h.dir, { recursive: true, force: true });
  });
  let checks = 0;
  h.monitor.onCycle((r) => {
    if (r.services.some((s) => s.name === 'api')) checks++;
  });
  await waitFor('api checked and ok', () => h.monitor.service('api')?.status === 'OK' && checks >= 2);
  assert.equal(sink.mails.length, 0, 'no mail while all is well (and none for the instance event: filtered)');

  await api.down();
  const first = (await waitFor('the failure mail', () => sink.mails[0]))!;
  const failedAt = checks;
  assert.deepEqual(first.to, ['ops@example.com']);
  assert.equal(first.subject, 'monit alert --  Connection failed api');
  assert.equal(first.headers.get('from'), `tsmonit@${h.monitor.status().server.hostname}`);
  assert.equal(first.headers.get('precedence'), 'bulk');
  assert.equal(first.headers.get('x-auto-response-suppress'), 'All');
  const body = first.body;
  assert.match(body, /^Connection failed Service api \n\n/);
  assert.match(body, /\tDate: {8}\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d [+-]\d{4}\n/);
  assert.match(body, /\tAction: {6}alert\n/);
  assert.match(body, new RegExp(`\\tHost: {8}${h.monitor.status().server.hostname}\\n`));
  assert.match(body, /\tDescription: .*127\.0\.0\.1.*\n/);
  assert.match(body, new RegExp(`\\tRule: {8}if failed .*port ${api.port}.* then alert\\n`));
  assert.match(body, /\nYour faithful employee,\ntsmonit\n$/);
  assert.equal(first.headers.get('x-tsmonit-reminder'), undefined);

  const reminder = (await waitFor('the reminder', () => sink.mails[1], { timeoutMs: 20_000 }))!;
  const remindedAt = checks;
  assert.equal(reminder.subject, first.subject, 'a reminder is the same alert again');
  assert.equal(reminder.headers.get('x-tsmonit-reminder'), '3', 'after 3 more failing checks');
  assert.ok(remindedAt - failedAt >= 2 && remindedAt - failedAt <= 6, `reminder after ${remindedAt - failedAt} checks`);

  await api.up();
  const recovery = (await waitFor('the recovery mail', () => sink.mails.find((m) => /succeeded/.test(m.subject))))!;
  assert.equal(recovery.subject, 'monit alert --  Connection succeeded api');
  assert.match(recovery.body, /^Connection succeeded Service api/);
  const settled = checks;
  await waitFor('three more checks', () => checks >= settled + 3);

  const toOps = sink.mails.filter((m) => m.to.includes('ops@example.com'));
  const kinds = toOps.map((m) => (m.headers.has('x-tsmonit-reminder') ? 'reminder' : m.subject.split('  ')[1]));
  assert.equal(kinds.filter((k) => k === 'Connection failed api').length, 1, `one failure mail: ${kinds.join(' | ')}`);
  assert.equal(kinds.filter((k) => k === 'Connection succeeded api').length, 1, 'one recovery mail');
  assert.equal(kinds.at(-1), 'Connection succeeded api');
  assert.equal(sink.mails.filter((m) => m.to.includes('pager@example.com')).length, 0, 'pager wants nonexist only');
  assert.equal(h.monitor.events().filter((e) => e.kind === 'instance').length, 1, 'the instance event happened and was filtered');
});

test("mail: a failing check program's alert shows the rule, the figures and the last lines of its output", async (t) => {
  const sink = await startMailSink();
  const h = await startAlertMonitor(`
daemon: 300ms
statefile: \${DIR}/state.json
control_socket: false
mailserver: { host: 127.0.0.1, port: ${sink.port} }
alerts:
  - email: ops@example.com
    only_on: [status]
checks:
  - program: nightly
    path: "\${NODE} \${FIXTURES}/print-and-exit.js 3 2"
    rules:
      - if status != 0 then alert
`);
  t.after(async () => {
    await h.quit();
    await sink.close();
    rmSync(h.dir, { recursive: true, force: true });
  });
  const m = (await waitFor('the status mail', () => sink.mails[0]))!;
  assert.equal(m.subject, 'monit alert --  Status failed nightly');
  assert.match(m.body, /\tRule: {8}if status != 0 then alert\n/);
  assert.match(m.body, /\tFigures: {5}.*2/);
  assert.match(m.body, /Program output \(last lines\):\n(\t.*\n)*\t(out|err) 3\n/);
});
