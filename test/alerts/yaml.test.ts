// The YAML keys of alerts: webhook secret, a recipient's own mail_format, the mail server's ehlo and verify.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfigText } from '../../src/config/load.ts';
import type { LoadResult } from '../../src/model/config.ts';
import { testEnvironment } from '../helpers/harness.ts';

const load = (yaml: string): LoadResult => parseConfigText(`${yaml}\nchecks: []\n`, '/tmp/t.yml', testEnvironment());
const errors = (r: LoadResult): string[] => (r.ok ? [] : r.errors.map((e) => `${e.pos.line}:${e.pos.col} ${e.message} (${e.code})`));

describe('alerts in YAML', () => {
  test('a webhook with a secret; a mail recipient with its own format; a mail server with ehlo and verify', () => {
    const r = load(`
mailserver: { host: smtp.example.com, port: 465, tls: true, verify: false, ehlo: mon.example.com, timeout: 10s }
alerts:
  - webhook: https://hooks.example.com/t
    secret: abc
  - email: ops@example.com
    mail_format: { subject: "$SERVICE $EVENT", reply_to: noc@example.com }
`);
    assert.ok(r.ok, errors(r).join('\n'));
    assert.deepEqual(r.config.mailservers, [{ host: 'smtp.example.com', port: 465, tls: true, verify: false, ehlo: 'mon.example.com', timeoutMs: 10_000 }]);
    assert.deepEqual(r.config.alerts, [
      { webhook: 'https://hooks.example.com/t', secret: 'abc' },
      { email: 'ops@example.com', mailFormat: { subject: '$SERVICE $EVENT', replyTo: 'noc@example.com' } },
    ]);
  });

  const bad: Array<[string, string, RegExp]> = [
    ['a secret on a mail recipient', 'alerts:\n  - { email: a@b.c, secret: x }', /2:\d+ alerts.*secret goes with a webhook \(TSM_E_VALUE\)/],
    ['a mail format on a webhook', 'alerts:\n  - { webhook: "http://h/", mail_format: { subject: x } }', /mail_format goes with an email/],
    ['a webhook that is not http(s)', 'alerts:\n  - webhook: "ftp://h/x"', /webhook must be an http:\/\/ or https:\/\/ URL, not 'ftp:\/\/h\/x'/],
    ['an unknown key in a recipient', 'alerts:\n  - { email: a@b.c, hmac: x }', /hmac/],
    ['an unknown mail server key', 'mailserver: { host: h, starttls: true }', /starttls/],
  ];
  for (const [name, yaml, want] of bad) {
    test(`refused: ${name}`, () => {
      const r = load(yaml);
      assert.equal(r.ok, false);
      assert.ok(errors(r).some((e) => want.test(e)), errors(r).join('\n'));
    });
  }
});
