// Where `alert` actions go: mailserver, alerts (global and per check), mail_format.
import { isSeq } from 'yaml';
import type { MailFormat, MailServer } from '../../model/config.ts';
import type { AlertRecipient } from '../../model/service.ts';
import type { Field, YamlSource } from './source.ts';
import { bool, byKey, checkKeys, duration, entriesOf, int, itemsOf, str, strList } from './values.ts';

/** monit's event names for `only_on` / `but_not_on`. */
export const ALERT_EVENTS = [
  'action', 'bytein', 'byteout', 'checksum', 'connection', 'content', 'data', 'exec', 'exist', 'fsflags',
  'gid', 'icmp', 'instance', 'invalid', 'link', 'nonexist', 'packetin', 'packetout', 'permission', 'pid',
  'ppid', 'resource', 'saturation', 'size', 'speed', 'status', 'timeout', 'timestamp', 'uid', 'uptime',
];

function events(src: YamlSource, f: Field): string[] {
  return strList(src, f).flatMap(({ value, pos }) => {
    if (ALERT_EVENTS.includes(value)) return [value];
    src.diags.error('TSM_E_VALUE', pos, `'${value}' is not an event (one of ${ALERT_EVENTS.join(', ')})`);
    return [];
  });
}

/** An http(s) URL: anything else would fail at every delivery. */
function webhookUrl(src: YamlSource, f: Field): string | undefined {
  const url = str(src, f);
  if (url === undefined) return undefined;
  let ok: boolean;
  try {
    ok = ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    ok = false;
  }
  if (!ok) src.diags.error('TSM_E_VALUE', f.pos, `webhook must be an http:// or https:// URL, not '${url}'`);
  return ok ? url : undefined;
}

function recipient(src: YamlSource, f: Field): AlertRecipient | undefined {
  const entries = entriesOf(src, f);
  if (!entries) return undefined;
  checkKeys(src, entries, ['email', 'webhook', 'only_on', 'but_not_on', 'reminder', 'secret', 'mail_format'], f.name);
  const k = byKey(entries);
  const email = k.get('email');
  const webhook = k.get('webhook');
  if ((email === undefined) === (webhook === undefined)) {
    src.diags.error('TSM_E_REQUIRED', f.pos, `${f.name} needs exactly one of email or webhook`);
    return undefined;
  }
  const onlyOn = k.get('only_on');
  const butNotOn = k.get('but_not_on');
  if (onlyOn && butNotOn) src.diags.error('TSM_E_VALUE', butNotOn.keyPos, `${f.name} takes only_on or but_not_on, not both`);
  const reminder = k.get('reminder');
  const secret = k.get('secret');
  const format = k.get('mail_format');
  if (secret && !webhook) src.diags.error('TSM_E_VALUE', secret.keyPos, `${f.name}: secret goes with a webhook`);
  if (format && !email) src.diags.error('TSM_E_VALUE', format.keyPos, `${f.name}: mail_format goes with an email`);
  const r: AlertRecipient = {};
  if (email) r.email = str(src, email);
  if (webhook) r.webhook = webhookUrl(src, webhook);
  if (onlyOn) r.onlyOn = events(src, onlyOn);
  if (butNotOn) r.butNotOn = events(src, butNotOn);
  if (reminder) r.reminder = int(src, reminder, 1);
  if (secret && webhook) r.secret = str(src, secret);
  if (format && email) r.mailFormat = readMailFormat(src, format);
  for (const key of Object.keys(r) as Array<keyof AlertRecipient>) if (r[key] === undefined) delete r[key];
  return r;
}

export function readAlerts(src: YamlSource, f: Field): AlertRecipient[] {
  return (itemsOf(src, f) ?? []).flatMap((item) => {
    const r = recipient(src, item);
    return r ? [r] : [];
  });
}

function mailServer(src: YamlSource, f: Field): MailServer | undefined {
  const entries = entriesOf(src, f);
  if (!entries) return undefined;
  checkKeys(src, entries, ['host', 'port', 'username', 'password', 'tls', 'timeout', 'ehlo', 'verify'], f.name);
  const k = byKey(entries);
  const hostField = k.get('host');
  if (!hostField) {
    src.diags.error('TSM_E_REQUIRED', f.pos, `${f.name} needs a host`);
    return undefined;
  }
  const host = str(src, hostField);
  const portField = k.get('port');
  const server: MailServer = { host: host ?? '', port: portField ? int(src, portField, 1, 65_535) ?? 25 : 25 };
  const username = k.get('username');
  const password = k.get('password');
  const tls = k.get('tls');
  const timeout = k.get('timeout');
  const ehlo = k.get('ehlo');
  const verify = k.get('verify');
  if (ehlo) server.ehlo = str(src, ehlo);
  if (verify) server.verify = bool(src, verify);
  if (username) server.username = str(src, username);
  if (password) server.password = str(src, password);
  if (tls) server.tls = bool(src, tls);
  if (timeout) server.timeoutMs = duration(src, timeout);
  for (const key of Object.keys(server) as Array<keyof MailServer>) if (server[key] === undefined) delete server[key];
  return host === undefined ? undefined : server;
}

/** One server or a list (tried in order). */
export function readMailServers(src: YamlSource, f: Field): MailServer[] {
  const n = src.deref(f.node);
  const items = n && isSeq(n) ? itemsOf(src, f) ?? [] : [f];
  return items.flatMap((item) => {
    const s = mailServer(src, item);
    return s ? [s] : [];
  });
}

export function readMailFormat(src: YamlSource, f: Field): MailFormat | undefined {
  const entries = entriesOf(src, f);
  if (!entries) return undefined;
  const names: Record<string, keyof MailFormat> = { from: 'from', reply_to: 'replyTo', subject: 'subject', message: 'message' };
  checkKeys(src, entries, Object.keys(names), 'mail_format');
  const format: MailFormat = {};
  for (const e of entries) {
    const key = names[e.key];
    const value = key ? str(src, e) : undefined;
    if (key && value !== undefined) format[key] = value;
  }
  return format;
}
