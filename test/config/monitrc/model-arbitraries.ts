// fast-check generators of whole models that have a monit spelling: what the monitrc reader can
// produce. Rules come from the rule grammar's own generators, printed by formatRule and compiled
// the way both readers compile them (implicit rules, ids).
import fc from 'fast-check';
import { splitCommand } from '../../../src/config/command.ts';
import { appliesTo } from '../../../src/config/rules/applicability.ts';
import { formatRule } from '../../../src/config/rules/index.ts';
import { compileRules } from '../../../src/config/services/rule-list.ts';
import { ALERT_EVENTS } from '../../../src/config/yaml/alerts.ts';
import { defaultGlobals } from '../../../src/config/yaml/globals.ts';
import { DEFAULT_LIMITS, type AllowEntry, type Config, type HttpdConfig, type Limits, type LoadEnvironment, type MailFormat, type MailServer } from '../../../src/model/config.ts';
import type { Command, ParsedRule } from '../../../src/model/rule.ts';
import { SERVICE_TYPES, type AlertRecipient, type ServiceSpec, type ServiceType } from '../../../src/model/service.ts';
import { parsedRule, type Canonical } from '../rules/arbitraries.ts';

type Arb<T> = fc.Arbitrary<T>;

const opt = <T>(arb: Arb<T>): Arb<T | undefined> => fc.option(arb, { nil: undefined });
/** Drops undefined values: the readers leave optional keys out. */
function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/);
const absPath = fc.array(fc.stringMatching(/^[A-Za-z0-9 ._-]{1,8}$/), { minLength: 1, maxLength: 3 }).map((p) => `/${p.join('/')}`);
/** Any text on one line: quotes, backslashes, $, #, braces... (written quoted with escapes). */
const anyText = fc.string({ unit: fc.constantFrom(...'ab Z9:;,()#"\'\\$@/{}%-'.split('')), minLength: 1, maxLength: 12 });
const nonBlank = anyText.filter((s) => s.trim() !== '');
const ms = fc.integer({ min: 1, max: 900_000 });
const id = fc.oneof(word, fc.integer({ min: 0, max: 65_535 }));
const email = fc.tuple(word, word).map(([a, b]) => `${a}@${b}.example.com`);

const command: Arb<Command> = fc.record({
  words: fc.array(fc.oneof(fc.stringMatching(/^[a-z/._$-]{1,8}$/), anyText.filter((s) => !s.includes("'")).map((s) => `'${s}'`)), { minLength: 1, maxLength: 4 }),
  timeoutMs: opt(ms), uid: opt(id), gid: opt(id),
}).map(({ words, timeoutMs, uid, gid }) => {
  const text = words.join(' ');
  return compact({ text, argv: splitCommand(text), timeoutMs, uid, gid });
});

const cron = fc.constantFrom('* * * * *', '*/5 8-19 * * 1-5', '0 3 * * *', '* 0-3 * * 0', '15,45 * * * *');

/** One line, no `}`, and no `key:` that would start the next field. */
const formatLine = fc.stringMatching(/^[A-Za-z0-9$<>@.!,()[\]' -]{1,20}$/).map((s) => s.trim()).filter((s) => s !== '' && !/\s(from|reply-to|subject|message)\s*:/i.test(` ${s}`));
const mailFormat: Arb<MailFormat> = fc.record({
  from: opt(formatLine), replyTo: opt(formatLine), subject: opt(formatLine),
  message: opt(fc.array(formatLine, { minLength: 1, maxLength: 3 }).map((l) => l.join('\n  '))),
}).map(compact).filter((f) => Object.keys(f).length > 0);

const events = fc.subarray(ALERT_EVENTS, { minLength: 1, maxLength: 4 });
const recipient: Arb<AlertRecipient> = fc.oneof(
  fc.record({ email, onlyOn: opt(events), reminder: opt(fc.integer({ min: 1, max: 99 })), mailFormat: opt(mailFormat) }),
  fc.record({ email, butNotOn: events, reminder: opt(fc.integer({ min: 1, max: 99 })) }),
  fc.record({ webhook: word.map((w) => `https://hooks.example.com/${w}`), butNotOn: opt(events) }),
).map((r) => compact(r as AlertRecipient));

const mailserver: Arb<MailServer> = fc.record({
  host: fc.stringMatching(/^[a-z][a-z0-9.-]{0,12}$/), port: fc.integer({ min: 1, max: 65_535 }), username: opt(nonBlank), password: opt(nonBlank),
  tls: opt(fc.constant(true as const)), timeoutMs: opt(ms), ehlo: opt(word),
}).chain((s) => (s.tls ? fc.record({ verify: opt(fc.boolean()) }).map((v) => compact({ ...s, ...v })) : fc.constant(compact(s))));

const allow: Arb<AllowEntry[]> = fc.tuple(
  fc.subarray(['localhost', '127.0.0.1', '10.0.0.0/8', '::1', '192.168.1.0/255.255.255.0', 'admin.example.com']),
  fc.array(fc.oneof(
    fc.record({ kind: fc.constant('user' as const), user: fc.stringMatching(/^[g-z][g-z0-9_]{0,7}$/), password: nonBlank, readonly: fc.boolean() }),
    fc.record({ kind: fc.constant('htpasswd' as const), path: absPath, readonly: fc.boolean() }),
  ), { minLength: 1, maxLength: 3 }),
).map(([hosts, users]) => [...hosts.map((value): AllowEntry => ({ kind: 'host', value })), ...users]);

const httpd: Arb<HttpdConfig> = fc.record({
  port: fc.integer({ min: 1, max: 65_535 }), address: fc.constantFrom('127.0.0.1', '0.0.0.0', 'localhost', '::1'),
  ssl: opt(fc.oneof(absPath.map((p) => ({ cert: p, key: p })), fc.record({ cert: absPath, key: absPath }))), allow,
}).map((h) => compact({ ...h, loginLimit: 10, pos: { file: 'generated', line: 1, col: 1 } }));

const limits: Arb<Limits> = fc.record(Object.fromEntries(Object.entries(DEFAULT_LIMITS).map(([k, v]) => [k, fc.oneof(fc.constant(v), fc.integer({ min: k === 'execTimeoutMs' ? 0 : 1, max: 10_000_000 }))])) as Record<keyof Limits, Arb<number>>);

const mmonit = fc.record({
  urls: fc.array(word.map((w) => `https://m:p@${w}.example.com:8443/collector`), { minLength: 1, maxLength: 2 }),
  timeoutMs: opt(ms), ssl: opt(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), nonBlank, { minKeys: 1, maxKeys: 2 })),
  checksum: opt(fc.stringMatching(/^[0-9a-f]{32}$/)), registerCredentials: opt(fc.constant(false)), hostgroups: opt(fc.array(nonBlank, { minLength: 1, maxLength: 2 })),
}).map(compact);

const globals = (env: LoadEnvironment) => fc.record({
  cycleMs: fc.option(fc.integer({ min: 100, max: 3_600_000 }), { nil: null }),
  startDelay: ms, log: fc.constantFrom('stdout', 'syslog', '/var/log/tsmonit.log'), facility: opt(fc.constantFrom('log_local0', 'log_daemon')),
  pidfile: opt(absPath), statefile: opt(absPath), controlSocket: opt(absPath), onreboot: fc.constantFrom('start', 'nostart', 'laststate' as const),
  limits, httpd: opt(httpd), mailservers: fc.array(mailserver, { maxLength: 2 }), alerts: fc.array(recipient, { maxLength: 3 }), mailFormat: opt(mailFormat),
  idfile: opt(absPath), eventqueue: opt(fc.record({ basedir: opt(absPath), slots: opt(fc.integer({ min: 1, max: 1000 })) }).map(compact)),
  ssl: opt(fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), nonBlank, { minKeys: 1, maxKeys: 3 })), mmonit: opt(mmonit),
  terminal: opt(fc.constant('batch' as const)), fips: opt(fc.constant(true)),
}).map((g): Omit<Config, 'services' | 'files'> => {
  const d = defaultGlobals(env);
  return {
    ...d,
    cycleMs: g.cycleMs,
    startDelayMs: g.cycleMs === null ? 0 : g.startDelay,
    log: g.log,
    ...(g.pidfile ? { pidfile: g.pidfile } : {}),
    controlSocket: g.controlSocket ?? d.controlSocket,
    statefile: g.statefile ?? d.statefile,
    onreboot: g.onreboot,
    limits: g.limits,
    ...(g.httpd ? { httpd: g.httpd } : {}),
    mailservers: g.mailservers,
    alerts: g.alerts,
    ...(g.mailFormat ? { mailFormat: g.mailFormat } : {}),
    held: compact({
      idfile: g.idfile, eventqueue: g.eventqueue, ssl: g.ssl, mmonit: g.mmonit, terminal: g.terminal, fips: g.fips,
      logFacility: g.log === 'syslog' ? g.facility : undefined,
    }),
  };
});

function dress(c: Canonical): ParsedRule {
  const base = { id: 'x', text: 'x' };
  if (c.type === 'rule') return { type: 'rule', rule: { ...base, ...c.rule } };
  if (c.type === 'restartLimit') return { type: 'restartLimit', limit: { ...base, ...c.limit } };
  return { type: 'ignoreContent', ignore: { text: 'x', ...c.ignore } };
}

const ruleTexts = (type: ServiceType): Arb<string[]> =>
  fc.array(parsedRule.filter((c) => (c.type === 'rule' ? appliesTo(c.rule.test, type) : c.type === 'restartLimit' || type === 'file')), { maxLength: 4 })
    .map((cs) => cs.map((c) => formatRule(dress(c))));

const typeFields = (type: ServiceType): Arb<object> => {
  switch (type) {
    case 'process':
      return fc.oneof(absPath.map((pidfile) => ({ pidfile })), fc.constantFrom('nginx: master', '^/usr/bin/redis', 'java .*-jar app\\.jar').map((matching) => ({ matching })));
    case 'host':
      return fc.constantFrom('10.0.0.1', 'db.example.com', '::1').map((address) => ({ address }));
    case 'system':
      return fc.constant({});
    case 'program':
      return command.map((program) => ({ program }));
    case 'network':
      return fc.oneof(word.map((i) => ({ interface: i })), fc.constantFrom('192.168.1.10').map((address) => ({ address })));
    default:
      return absPath.map((path) => ({ path }));
  }
};

const serviceName = nonBlank.filter((n) => n !== 'all' && !n.includes('$HOST'));

function service(type: ServiceType, name: string, earlier: string[], index: number): Arb<ServiceSpec> {
  return fc.record({
    fields: typeFields(type), groups: fc.array(nonBlank, { maxLength: 2 }), depends: fc.subarray(earlier),
    mode: fc.constantFrom('active', 'passive', 'manual' as const), onreboot: opt(fc.constantFrom('start', 'nostart', 'laststate' as const)),
    every: opt(fc.oneof(fc.integer({ min: 1, max: 100 }).map((cycles) => ({ kind: 'cycles' as const, cycles })), cron.map((c) => ({ kind: 'cron' as const, cron: c })))),
    notEvery: opt(cron), alerts: fc.array(recipient, { maxLength: 2 }), noalert: fc.array(email, { maxLength: 2 }),
    start: opt(command), stop: opt(command), restart: opt(command), rules: ruleTexts(type),
  }).map((s) => {
    const pos = { file: 'generated', line: index + 1, col: 1 };
    const sources = s.rules.map((text, i) => ({ text, locate: () => ({ file: 'generated', line: 1000 * (index + 1) + i, col: 3 }) }));
    const { errors: _e, ...compiled } = compileRules(sources, type, s.start !== undefined, pos);
    const onreboot = s.onreboot ?? (s.mode === 'manual' ? 'laststate' : undefined);
    return compact({
      groups: s.groups, depends: s.depends, mode: s.mode, alerts: s.alerts, noalert: s.noalert, onreboot, every: s.every, notEvery: s.notEvery,
      start: s.start, stop: s.stop, restart: s.restart, ...s.fields, type, name, pos, ...compiled,
    }) as unknown as ServiceSpec;
  });
}

const services: Arb<ServiceSpec[]> = fc.uniqueArray(serviceName, { maxLength: 5 }).chain((names) =>
  fc.tuple(...names.map((n, i) => fc.constantFrom(...SERVICE_TYPES).chain((type) => service(type, n, names.slice(0, i), i)))));

export function configModel(env: LoadEnvironment): Arb<Config> {
  return fc.tuple(globals(env), services).map(([g, s]) => ({ files: [], ...g, services: s }));
}
