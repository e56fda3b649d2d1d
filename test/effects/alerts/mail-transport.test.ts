// Mail through nodemailer against real SMTP servers (smtp-server): failover, AUTH, TLS and STARTTLS, timeouts.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createMailTransport, DeliveryError } from '../../../src/effects/alerts/index.ts';
import type { MailServer } from '../../../src/model/config.ts';
import type { MailMessage } from '../../../src/model/ports.ts';
import { startBlackHole } from '../../alerts/support/black-hole.ts';
import { startMailSink, type MailSink } from '../../alerts/support/mail-sink.ts';
import { selfSigned } from '../probes/support/tls.ts';

const cert = selfSigned(10);
const message: MailMessage = {
  from: 'monit@box', to: 'ops@example.com', subject: 'monit alert --  Does not exist web', text: 'Does not exist Service web \n\n\tAction:      restart\n',
  date: '2024-03-05T10:00:00.000Z', headers: { Precedence: 'bulk', 'X-Tsmonit-Alert-Id': 'a1' }, messageId: '<a1@box>',
};
const mail = createMailTransport({ ehlo: 'tsmonit.test' });
const sinks: MailSink[] = [];
async function sink(...args: Parameters<typeof startMailSink>): Promise<MailSink> {
  const s = await startMailSink(...args);
  sinks.push(s);
  return s;
}
after(async () => {
  await Promise.all(sinks.map((s) => s.close()));
});
const server = (port: number, more: Partial<MailServer> = {}): MailServer => ({ host: '127.0.0.1', port, timeoutMs: 5000, ...more });

async function failure(p: Promise<void>): Promise<DeliveryError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof DeliveryError, String(err));
    return err;
  }
  assert.fail('expected a failure');
}

describe('mail transport', () => {
  test('a plain server gets the mail as rendered', async () => {
    const s = await sink();
    await mail.send(message, [server(s.port)]);
    const m = s.mails[0]!;
    assert.deepEqual(m.to, ['ops@example.com']);
    assert.equal(m.from, 'monit@box');
    assert.equal(m.subject, message.subject);
    assert.equal(m.body, message.text);
    assert.equal(m.headers.get('message-id'), '<a1@box>');
    assert.equal(m.headers.get('precedence'), 'bulk');
    assert.equal(new Date(m.headers.get('date')!).toISOString(), message.date);
  });

  test('servers are tried in order: refused, then a 4xx, then one that takes it', async () => {
    const busy = await sink({ onRcptTo: (_a, _s, cb) => cb(Object.assign(new Error('try later'), { responseCode: 451 })) });
    const good = await sink();
    await mail.send(message, [server(1), server(busy.port), server(good.port)]);
    assert.equal(good.mails.length, 1);
    assert.equal(busy.mails.length, 0);
  });

  test('every server failing: one error naming each; permanent only when all refused the mail itself', async () => {
    const reject = await sink({ onRcptTo: (_a, _s, cb) => cb(Object.assign(new Error('no such user'), { responseCode: 550 })) });
    const all550 = await failure(mail.send(message, [server(reject.port), server(reject.port)]));
    assert.equal(all550.permanent, true);
    assert.match(all550.message, new RegExp(`127.0.0.1:${reject.port}: .*550.*; 127.0.0.1:${reject.port}`));
    const mixed = await failure(mail.send(message, [server(reject.port), server(1)]));
    assert.equal(mixed.permanent, false, 'a server that could not be reached may take it later');
    assert.equal((await failure(mail.send(message, []))).message, 'no mail servers are defined');
  });

  test('AUTH with the configured user, and the EHLO name', async () => {
    let ehlo = '';
    const s = await sink({
      authOptional: false,
      onAuth(auth, _session, cb) {
        if (auth.username === 'alerts' && auth.password === 'pw') cb(null, { user: 'alerts' });
        else cb(new Error('Invalid username or password'));
      },
      onMailFrom(_a, session, cb) {
        ehlo = session.hostNameAppearsAs;
        cb();
      },
    });
    await mail.send(message, [server(s.port, { username: 'alerts', password: 'pw' })]);
    assert.equal(s.mails[0]!.user, 'alerts');
    assert.equal(ehlo, 'tsmonit.test');
    await mail.send(message, [server(s.port, { username: 'alerts', password: 'pw', ehlo: 'mon.example.com' })]);
    assert.equal(ehlo, 'mon.example.com');
    const wrong = await failure(mail.send(message, [server(s.port, { username: 'alerts', password: 'nope' })]));
    assert.match(wrong.message, /Invalid username or password|535/);
  });

  test('implicit TLS (tls on a port other than 25/587) verifies the certificate unless verify is false', async () => {
    const s = await sink({ secure: true, key: cert.key, cert: cert.cert });
    const unverified = await failure(mail.send(message, [server(s.port, { tls: true })]));
    assert.match(unverified.message, /self[- ]signed|certificate/i);
    await mail.send(message, [server(s.port, { tls: true, verify: false })]);
    assert.equal(s.mails[0]!.secure, true);
  });

  test('opportunistic STARTTLS: used when offered, without verifying (a local relay with a snakeoil certificate)', async () => {
    const s = await sink({ key: cert.key, cert: cert.cert });
    await mail.send(message, [server(s.port)]);
    assert.equal(s.mails[0]!.secure, true);
  });

  test('tls on port 587 means STARTTLS, and a server without it is refused', async (t) => {
    let offered: MailSink;
    let plain: MailSink;
    try {
      offered = await sink({ key: cert.key, cert: cert.cert }, 587, '127.0.0.3');
      plain = await sink({}, 587, '127.0.0.4');
    } catch (err) {
      t.skip(`cannot listen on port 587 here (${(err as Error).message})`);
      return;
    }
    await mail.send(message, [{ host: '127.0.0.3', port: 587, tls: true, verify: false, timeoutMs: 5000 }]);
    assert.equal(offered.mails[0]!.secure, true);
    const refused = await failure(mail.send(message, [{ host: '127.0.0.4', port: 587, tls: true, verify: false, timeoutMs: 5000 }]));
    assert.match(refused.message, /STARTTLS/i);
    assert.equal(plain.mails.length, 0);
  });

  test('a server that never answers fails after its timeout; an abort ends the wait at once', async () => {
    const hole = await startBlackHole();
    try {
      const timedOut = await failure(mail.send(message, [server(hole.port, { timeoutMs: 300 })]));
      assert.equal(timedOut.permanent, false);
      assert.match(timedOut.message, /timeout|timed out|greeting never received/i);
      const ac = new AbortController();
      const began = Date.now();
      const p = mail.send(message, [server(hole.port, { timeoutMs: 60_000 }), server(hole.port, { timeoutMs: 60_000 })], ac.signal);
      setTimeout(() => ac.abort(), 100);
      await failure(p);
      assert.ok(Date.now() - began < 30_000, 'the abort did not wait for the 60 s timeout');
      assert.equal(hole.accepted, 2, 'the second server is not tried after an abort');
    } finally {
      await hole.close();
    }
  });
});
