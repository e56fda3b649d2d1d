import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AlertEvent } from '../../src/daemon/alerts-event.ts';
import { DEFAULT_MESSAGE, mailDate, renderMail, substitute } from '../../src/daemon/alerts-mail.ts';

const event: AlertEvent = {
  id: 7, time: '2024-03-05T10:00:00.000Z', service: 'web', kind: 'resource', state: 'failed',
  message: 'cpu usage of 73.2% matches resource limit [cpu usage > 50.0%]', rule: 'if cpu > 50% for 2 cycles then alert',
  action: 'alert', figures: { cpu: 73.2, limit: 50 },
};

const mail = (e: AlertEvent, formats: Parameters<typeof renderMail>[0]['formats'] = []) =>
  renderMail({ event: e, host: 'box', to: 'ops@example.com', alertId: 'a1', formats });

describe('mail format', () => {
  test("monit's default subject, from and body, with the evidence", () => {
    const m = mail(event);
    assert.equal(m.subject, 'monit alert --  Resource limit matched web');
    assert.equal(m.from, 'monit@box');
    assert.equal(m.to, 'ops@example.com');
    assert.equal(m.messageId, '<a1@box>');
    assert.deepEqual(m.headers, { 'X-Auto-Response-Suppress': 'All', Precedence: 'bulk', 'X-Tsmonit-Alert-Id': 'a1' });
    const lines = m.text.split('\n');
    assert.equal(lines[0], 'Resource limit matched Service web ');
    assert.equal(lines[1], '');
    assert.equal(lines[2], `\tDate:        ${mailDate(event.time)}`);
    assert.equal(lines[3], '\tAction:      alert');
    assert.equal(lines[4], '\tHost:        box');
    assert.equal(lines[5], `\tDescription: ${event.message}`);
    assert.equal(lines[6], '\tRule:        if cpu > 50% for 2 cycles then alert');
    assert.equal(lines[7], '\tFigures:     cpu 73.2, limit 50');
    assert.deepEqual(lines.slice(8), ['', 'Your faithful employee,', 'tsmonit', '']);
  });

  test('the last lines of a failed program output', () => {
    const output = Array.from({ length: 14 }, (_, i) => `line ${i + 1}`).join('\n');
    const m = mail({ ...event, kind: 'exec', message: 'failed to start (exit status 1)', output, rule: undefined, figures: undefined });
    assert.match(m.text, /Program output \(last lines\):\n\tline 5\n[\s\S]*\tline 14\n\nYour faithful employee/);
    assert.doesNotMatch(m.text, /\tline 4\n/);
    assert.equal(m.subject, 'monit alert --  Execution failed web');
  });

  test('recovery, changed, info and instance names', () => {
    assert.equal(mail({ ...event, kind: 'nonexist', state: 'succeeded' }).subject, 'monit alert --  Exists web');
    assert.equal(mail({ ...event, kind: 'pid', state: 'changed' }).subject, 'monit alert --  PID changed web');
    assert.equal(mail({ ...event, kind: 'action', state: 'info' }).subject, 'monit alert --  Action done web');
    assert.equal(mail({ ...event, kind: 'instance', state: 'info', service: 'box' }).subject, 'monit alert --  Monit instance changed box');
  });

  test('variables; the recipient format wins over the global one field by field; no header injection', () => {
    const m = mail(event, [
      { subject: '[$HOST] $SERVICE: $EVENT ($ACTION)\nBcc: evil@example.com' },
      { from: 'tsmonit@$HOST', subject: 'ignored', replyTo: 'noc@$HOST', message: '$DESCRIPTION|$RULE|$FIGURES|$DATE' },
    ]);
    assert.equal(m.subject, '[box] web: Resource limit matched (alert) Bcc: evil@example.com');
    assert.equal(m.from, 'tsmonit@box');
    assert.equal(m.replyTo, 'noc@box');
    assert.equal(m.text, `${event.message}|${event.rule}|cpu 73.2, limit 50|${mailDate(event.time)}`);
  });

  test('substitution is one pass: a value holding $HOST stays as it is', () => {
    assert.equal(substitute('$SERVICE on $HOST', { SERVICE: 'odd $HOST name', HOST: 'box' }), 'odd $HOST name on box');
    assert.match(DEFAULT_MESSAGE, /^\$EVENT Service \$SERVICE \n/);
  });

  test('a reminder says so in a header', () => {
    assert.equal(mail({ ...event, reminder: 3 }).headers['X-Tsmonit-Reminder'], '3');
  });

  test('$DATE is RFC 2822 in local time', () => {
    assert.match(mailDate('2024-03-05T10:00:00.000Z'), /^(Mon|Tue|Wed), 0[456] Mar 2024 \d\d:\d\d:00 [+-]\d{4}$/);
  });
});
