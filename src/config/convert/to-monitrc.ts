// A Config as a monit control file (the other direction of convert; the property test checks that
// reading it back gives the same model). Not every model has a monit spelling: a YAML-only setting
// (httpd login_limit, control_socket false, tls false, a webhook secret) is left out.
import { DEFAULT_LIMITS, type Config, type HttpdConfig, type LoadEnvironment, type Limits, type MailFormat, type MailServer } from '../../model/config.ts';
import type { Command } from '../../model/rule.ts';
import type { AlertRecipient, ServiceSpec } from '../../model/service.ts';
import { defaultControlSocket, defaultStatefile } from '../paths.ts';
import { idText, q } from './monitrc-quote.ts';
import { ruleEntries } from './rule-entries.ts';

const LIMIT_NAMES: Record<keyof Limits, string> = {
  startTimeoutMs: 'startTimeout', stopTimeoutMs: 'stopTimeout', restartTimeoutMs: 'restartTimeout', execTimeoutMs: 'execTimeout',
  programTimeoutMs: 'programTimeout', networkTimeoutMs: 'networkTimeout', programOutputBytes: 'programOutput',
  sendExpectBufferBytes: 'sendExpectBuffer', fileContentBufferBytes: 'fileContentBuffer', httpContentBufferBytes: 'httpContentBuffer',
};

const ms = (n: number): string => (n % 1000 === 0 ? `${n / 1000} seconds` : `${n} ms`);

function commandText(c: Command): string {
  return [q(c.text), c.uid === undefined ? '' : `as uid ${idText(c.uid)}`, c.gid === undefined ? '' : `and gid ${idText(c.gid)}`,
    c.timeoutMs === undefined ? '' : `with timeout ${ms(c.timeoutMs)}`].filter((p) => p !== '').join(' ');
}

function mailFormat(f: MailFormat): string {
  const lines = [f.from && `from: ${f.from}`, f.replyTo && `reply-to: ${f.replyTo}`, f.subject && `subject: ${f.subject}`, f.message && `message: ${f.message}`];
  return `mail-format {\n${lines.filter((l) => l).map((l) => `  ${l}`).join('\n')}\n}`;
}

function recipient(r: AlertRecipient): string {
  return [
    q(r.email ?? r.webhook ?? ''),
    r.onlyOn ? `{ ${r.onlyOn.join(' ')} }` : '',
    r.butNotOn ? `not { ${r.butNotOn.join(' ')} }` : '',
    r.mailFormat ? `with ${mailFormat(r.mailFormat)}` : '',
    r.reminder === undefined ? '' : `with reminder on ${r.reminder} cycles`,
  ].filter((p) => p !== '').join(' ');
}

function mailserver(s: MailServer): string {
  const verify = s.verify === undefined ? '' : ` { verify: ${s.verify ? 'enable' : 'disable'} }`;
  return ['set mailserver', q(s.host), `port ${s.port}`, s.username === undefined ? '' : `username ${q(s.username)}`,
    s.password === undefined ? '' : `password ${q(s.password)}`, s.tls ? `using ssl${verify}` : '',
    s.timeoutMs === undefined ? '' : `with timeout ${ms(s.timeoutMs)}`, s.ehlo === undefined ? '' : `using hostname ${q(s.ehlo)}`,
  ].filter((p) => p !== '').join(' ');
}

function httpd(h: HttpdConfig | undefined, socket: string | undefined): string[] {
  if (!h && socket === undefined) return [];
  const out = ['set httpd'];
  if (h) {
    out.push(`  port ${h.port}`, `  address ${q(h.address)}`);
    if (h.ssl) out.push(h.ssl.cert === h.ssl.key ? `  ssl pemfile ${q(h.ssl.cert)}` : `  ssl { pemchain: ${q(h.ssl.cert)} pemkey: ${q(h.ssl.key)} }`);
    for (const a of h.allow) {
      const ro = a.kind !== 'host' && a.readonly ? ' read-only' : '';
      if (a.kind === 'host') out.push(`  allow ${q(a.value)}`);
      else if (a.kind === 'user') out.push(`  allow ${q(`${a.user}:${a.password}`)}${ro}`);
      else out.push(`  allow md5 ${q(a.path)}${ro}`);
    }
  }
  if (socket !== undefined) out.push(`  unixsocket ${q(socket)}`);
  return [out.join('\n')];
}

/** The shape the monitrc reader holds `set mmonit` in. */
interface MmonitHeld {
  urls: string[];
  timeoutMs?: number;
  ssl?: Record<string, string>;
  checksum?: string;
  registerCredentials?: boolean;
  hostgroups?: string[];
}

const sslBlock = (o: Record<string, string>): string => `{ ${Object.entries(o).map(([k, v]) => `${k}: ${q(v)}`).join(' ')} }`;

function mmonit(m: MmonitHeld): string {
  return ['set mmonit', ...m.urls.map(q), m.timeoutMs === undefined ? '' : `timeout ${ms(m.timeoutMs)}`, m.ssl ? `ssl ${sslBlock(m.ssl)}` : '',
    m.checksum === undefined ? '' : `certificate checksum ${q(m.checksum)}`, m.registerCredentials === false ? 'register without credentials' : '',
    m.hostgroups ? `with hostgroups [ ${m.hostgroups.map(q).join(', ')} ]` : '',
  ].filter((p) => p !== '').join(' ');
}

function held(c: Config): string[] {
  const h = c.held;
  const out: string[] = [];
  if (h.idfile !== undefined) out.push(`set idfile ${q(h.idfile)}`);
  if (h.eventqueue) out.push(['set eventqueue', h.eventqueue.basedir === undefined ? '' : `basedir ${q(h.eventqueue.basedir)}`, h.eventqueue.slots === undefined ? '' : `slots ${h.eventqueue.slots}`].filter((p) => p).join(' '));
  if (h.ssl !== undefined) out.push(`set ssl ${sslBlock(h.ssl as Record<string, string>)}`);
  if (h.mmonit !== undefined) out.push(mmonit(h.mmonit as MmonitHeld));
  if (h.terminal) out.push('set terminal batch');
  if (h.fips) out.push('set fips');
  return out;
}

function globals(c: Config, env: LoadEnvironment): string[] {
  const out: string[] = [];
  if (c.cycleMs !== null) out.push(`set daemon ${ms(c.cycleMs)}${c.startDelayMs === 0 ? '' : ` with start delay ${ms(c.startDelayMs)}`}`);
  if (c.log === 'syslog') out.push(`set log syslog${c.held.logFacility === undefined ? '' : ` facility ${c.held.logFacility}`}`);
  else if (c.log !== 'stdout') out.push(`set log ${q(c.log)}`);
  if (c.pidfile !== undefined) out.push(`set pidfile ${q(c.pidfile)}`);
  if (c.statefile !== defaultStatefile(env)) out.push(`set statefile ${q(c.statefile)}`);
  if (c.onreboot !== 'start') out.push(`set onreboot ${c.onreboot}`);
  const limits = (Object.keys(LIMIT_NAMES) as Array<keyof Limits>).filter((k) => c.limits[k] !== DEFAULT_LIMITS[k]);
  if (limits.length > 0) {
    out.push(`set limits {\n${limits.map((k) => `  ${LIMIT_NAMES[k]}: ${k.endsWith('Ms') ? `${c.limits[k]} ms` : `${c.limits[k]} B`}`).join('\n')}\n}`);
  }
  out.push(...held(c));
  const socket = typeof c.controlSocket === 'string' && c.controlSocket !== defaultControlSocket(env) ? c.controlSocket : undefined;
  out.push(...httpd(c.httpd, socket));
  out.push(...c.mailservers.map(mailserver));
  out.push(...c.alerts.map((r) => `set alert ${recipient(r)}`));
  if (c.mailFormat) out.push(`set ${mailFormat(c.mailFormat)}`);
  out.push(...c.include.map((i) => `include ${q(i)}`));
  return out;
}

function header(s: ServiceSpec): string[] {
  switch (s.type) {
    case 'process':
      return [s.pidfile !== undefined ? `with pidfile ${q(s.pidfile)}` : `matching ${q(s.matching ?? '')}`];
    case 'host':
      return [`with address ${q(s.address)}`];
    case 'system':
      return [];
    case 'program':
      return [`with path ${commandText(s.program)}`];
    case 'network':
      return [s.interface !== undefined ? `with interface ${q(s.interface)}` : `with address ${q(s.address ?? '')}`];
    default:
      return [`with path ${q(s.path)}`];
  }
}

function check(s: ServiceSpec): string {
  const lines = [`check ${s.type} ${q(s.name)} ${header(s).join(' ')}`.trimEnd()];
  const add = (l: string): number => lines.push(`  ${l}`);
  for (const m of ['start', 'stop', 'restart'] as const) if (s[m]) add(`${m} program = ${commandText(s[m] as Command)}`);
  for (const g of s.groups) add(`group ${q(g)}`);
  if (s.depends.length > 0) add(`depends on ${s.depends.map(q).join(', ')}`);
  if (s.mode !== 'active') add(`mode ${s.mode}`);
  if (s.onreboot) add(`onreboot ${s.onreboot}`);
  if (s.every) add(s.every.kind === 'cycles' ? `every ${s.every.cycles} cycles` : `every ${q(s.every.cron)}`);
  if (s.notEvery !== undefined) add(`not every ${q(s.notEvery)}`);
  for (const r of s.alerts) add(`alert ${recipient(r)}`);
  for (const n of s.noalert) add(`noalert ${q(n)}`);
  for (const r of ruleEntries(s)) add(r.text);
  return lines.join('\n');
}

export function configToMonitrc(config: Config, env: LoadEnvironment): string {
  return `${[...globals(config, env), ...config.services.map(check)].join('\n\n')}\n`;
}
