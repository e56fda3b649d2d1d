// Where alerts go (monit.md 1.4): `set mailserver`, `set alert`, `set mail-format`, and a check's
// own `alert` / `noalert`. A URL recipient is a webhook (tsmonit's addition; monit knows mail only).
import type { MailServer } from '../../model/config.ts';
import type { AlertRecipient } from '../../model/service.ts';
import { ALERT_EVENTS } from '../yaml/alerts.ts';
import { posOf, type MCursor } from './cursor.ts';
import type { MToken } from './lexer.ts';
import { readMailFormat } from './mail-format.ts';
import type { SetHandler } from './set-basic.ts';
import { readSslBlock } from './ssl-options.ts';
import type { ParseState } from './state.ts';
import { readInteger, readQuantity } from './values.ts';

const URL_WORD = /^https?:\/\//i;
const TLS_WORDS = ['ssl', 'tls', 'sslv2', 'sslv3', 'tlsv1', 'tlsv11', 'tlsv12', 'tlsv13', 'sslauto', 'auto'];
const STATEMENT_STARTS = ['set', 'check', 'include'];

function events(c: MCursor): string[] {
  c.next();
  const out: string[] = [];
  for (let t = c.next(); t?.kind !== 'rbrace'; t = c.next()) {
    if (!t || t.kind !== 'word') c.fail("an event name or '}'", t);
    if (!ALERT_EVENTS.includes(t.lower)) c.error(t, `'${t.text}' is not an event (one of ${ALERT_EVENTS.join(', ')})`, 'TSM_E_VALUE');
    out.push(t.lower);
  }
  return out;
}

/** ADDRESS [[not] { events }] [mail-format { ... }] [reminder [on] N [cycles]], options in any order. */
export function readRecipient(c: MCursor): AlertRecipient {
  const t = c.expectValue('a mail address or a webhook URL');
  const r: AlertRecipient = {};
  if (URL_WORD.test(t.value)) r.webhook = t.value;
  else if (t.value.includes('@')) r.email = t.value;
  else c.error(t, `'${t.value}' is neither a mail address nor a webhook URL`, 'TSM_E_VALUE');
  for (;;) {
    if (c.peek()?.kind === 'lbrace') r.onlyOn = events(c);
    else if (c.at('not') && c.peek(1)?.kind === 'lbrace') {
      c.next();
      r.butNotOn = events(c);
    } else if (c.accept('mail-format')) {
      const block = c.next();
      if (block?.kind !== 'block') c.fail("'{' with the mail format", block);
      r.mailFormat = readMailFormat(block);
    } else if (c.accept('reminder')) {
      r.reminder = readInteger(c, 'reminder', 1);
      c.accept('cycle', 'cycles');
    } else break;
  }
  if (r.onlyOn && r.butNotOn) c.error(t, 'an alert takes { events } or not { events }, not both', 'TSM_E_VALUE');
  return r;
}

function readServer(c: MCursor, st: ParseState): MailServer {
  const host = c.expectValue('a mail server host name');
  const s: MailServer = { host: host.value, port: 25 };
  for (;;) {
    if (c.accept('port')) s.port = readInteger(c, 'port', 1, 65_535);
    else if (c.accept('username')) s.username = c.expectValue('a user name').value;
    else if (c.accept('password')) {
      const p = c.expectValue('a password');
      s.password = p.value;
      st.secret(posOf(p));
    } else if (c.at(...TLS_WORDS)) {
      c.next();
      s.tls = true;
      for (const o of readSslBlock(c)) {
        if (o.key === 'verify' && ['enable', 'disable'].includes(o.value.toLowerCase())) s.verify = o.value.toLowerCase() === 'enable';
        else st.ignored(o.pos, `the mail server ssl option '${o.key}'`, "it uses Node's TLS defaults (TLS 1.2 and later)");
      }
    } else if (c.at('certificate')) {
      const at = c.next() as MToken;
      c.accept('checksum');
      c.accept('md5', 'sha1');
      c.expectValue('a certificate checksum');
      st.ignored(posOf(at), 'a mail server certificate checksum', 'the server certificate is checked by Node\'s TLS defaults');
    } else return s;
  }
}

/**
 * `set mailserver A [opts], B [opts] [with timeout N seconds] [using hostname H]`: servers are added
 * in order; the timeout and EHLO name apply to the servers of the statement.
 */
const mailserver: SetHandler = (c, st) => {
  const servers: MailServer[] = [];
  let timeoutMs: number | undefined;
  let ehlo: string | undefined;
  for (;;) {
    if (c.accept('timeout')) timeoutMs = readQuantity(c, 'time', 'mail server timeout', 'seconds');
    else if (c.accept('hostname')) ehlo = c.expectValue('a host name for EHLO').value;
    else if (servers.length === 0 || (c.peek() && (c.peek()?.kind === 'word' || c.peek()?.kind === 'string') && !c.at(...STATEMENT_STARTS))) {
      servers.push(readServer(c, st));
    } else break;
  }
  st.settings.mailservers.push(...servers.map((s) => ({ ...s, ...(timeoutMs === undefined ? {} : { timeoutMs }), ...(ehlo === undefined ? {} : { ehlo }) })));
  return 'mailserver';
};

export const MAIL_SETS: Record<string, SetHandler> = {
  mailserver,
  alert: (c, st) => {
    st.settings.alerts.push(readRecipient(c));
    return 'alerts';
  },
  'mail-format': (c: MCursor, st: ParseState) => {
    const block = c.next();
    if (block?.kind !== 'block') c.fail("'{' with the mail format", block);
    st.settings.mailFormat = readMailFormat(block);
    return 'mail_format';
  },
};
