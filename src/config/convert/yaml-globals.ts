// The global part of a Config as YAML keys (config.md "YAML: global keys"); defaults are left out.
import { DEFAULT_LIMITS, type Config, type HttpdConfig, type LoadEnvironment, type Limits, type MailFormat, type MailServer } from '../../model/config.ts';
import type { AlertRecipient } from '../../model/service.ts';
import { defaultControlSocket, defaultStatefile } from '../paths.ts';
import { durationText } from './units.ts';

type Obj = Record<string, unknown>;

const LIMIT_KEYS: Record<keyof Limits, string> = {
  startTimeoutMs: 'start_timeout',
  stopTimeoutMs: 'stop_timeout',
  restartTimeoutMs: 'restart_timeout',
  execTimeoutMs: 'exec_timeout',
  programTimeoutMs: 'program_timeout',
  networkTimeoutMs: 'network_timeout',
  programOutputBytes: 'program_output',
  sendExpectBufferBytes: 'send_expect_buffer',
  fileContentBufferBytes: 'file_content_buffer',
  httpContentBufferBytes: 'http_content_buffer',
};

/** Drops undefined values, so optional keys are absent. */
export function compact(o: Obj): Obj {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

function limits(l: Limits): Obj | undefined {
  const out: Obj = {};
  for (const [field, key] of Object.entries(LIMIT_KEYS) as Array<[keyof Limits, string]>) {
    if (l[field] === DEFAULT_LIMITS[field]) continue;
    out[key] = field.endsWith('Ms') ? durationText(l[field]) : l[field];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function httpd(h: HttpdConfig): Obj {
  const allow = h.allow.map((a) => {
    if (a.kind === 'host') return a.value;
    if (a.kind === 'user') return { user: a.user, password: a.password, readonly: a.readonly };
    return { htpasswd: a.path, readonly: a.readonly };
  });
  return compact({ port: h.port, address: h.address, ssl: h.ssl ? { cert: h.ssl.cert, key: h.ssl.key } : undefined, allow, login_limit: h.loginLimit === 10 ? undefined : h.loginLimit });
}

function mailServer(s: MailServer): Obj {
  return compact({
    host: s.host, port: s.port, username: s.username, password: s.password, tls: s.tls,
    timeout: s.timeoutMs === undefined ? undefined : durationText(s.timeoutMs), ehlo: s.ehlo, verify: s.verify,
  });
}

export function mailFormat(f: MailFormat): Obj {
  return compact({ from: f.from, reply_to: f.replyTo, subject: f.subject, message: f.message });
}

export function recipient(r: AlertRecipient): Obj {
  return compact({
    email: r.email, webhook: r.webhook, only_on: r.onlyOn, but_not_on: r.butNotOn, reminder: r.reminder,
    mail_format: r.mailFormat ? mailFormat(r.mailFormat) : undefined,
  });
}

function daemon(cycleMs: number | null): unknown {
  if (cycleMs === null) return false;
  return cycleMs % 1000 === 0 ? cycleMs / 1000 : durationText(cycleMs);
}

export function globalsObject(c: Config, env: LoadEnvironment): Obj {
  const held = c.held;
  return compact({
    daemon: daemon(c.cycleMs),
    start_delay: c.startDelayMs === 0 ? undefined : durationText(c.startDelayMs),
    log: c.log === 'stdout' ? undefined : c.log,
    log_facility: held.logFacility,
    pidfile: c.pidfile,
    control_socket: c.controlSocket === defaultControlSocket(env) ? undefined : c.controlSocket,
    idfile: held.idfile,
    statefile: c.statefile === defaultStatefile(env) ? undefined : c.statefile,
    onreboot: c.onreboot === 'start' ? undefined : c.onreboot,
    terminal: held.terminal,
    fips: held.fips,
    limits: limits(c.limits),
    eventqueue: held.eventqueue,
    ssl: held.ssl,
    mmonit: held.mmonit,
    httpd: c.httpd ? httpd(c.httpd) : undefined,
    mailserver: c.mailservers.length > 0 ? c.mailservers.map(mailServer) : undefined,
    alerts: c.alerts.length > 0 ? c.alerts.map(recipient) : undefined,
    mail_format: c.mailFormat ? mailFormat(c.mailFormat) : undefined,
    include: c.include.length > 0 ? c.include : undefined,
  });
}
