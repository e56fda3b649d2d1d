// fast-check generators of parsed rules in their canonical model form (what the parser yields).
import fc from 'fast-check';
import type {
  ActionSpec, Command, ConnectionTest, Operator, ParsedRule, Polarity, ProtocolSpec, Rate, ResourceName, Rule, Test,
} from '../../../src/model/rule.ts';
import { splitCommand } from '../../../src/config/command.ts';
import { PROTOCOLS } from '../../../src/config/rules/protocols.ts';

type Arb<T> = fc.Arbitrary<T>;

/** {} or { key: value }: optional fields are absent, never undefined. */
function opt<K extends string, V>(key: K, arb: Arb<V>): Arb<Partial<Record<K, V>>> {
  return fc.option(arb, { nil: undefined }).map((v) => (v === undefined ? {} : ({ [key]: v } as Partial<Record<K, V>>)));
}

function merge<T>(...parts: Array<Arb<object>>): Arb<T> {
  return fc.tuple(...parts).map((ps) => Object.assign({}, ...ps) as T);
}

const op: Arb<Operator> = fc.constantFrom('>', '>=', '<', '<=', '=', '!=');
const count = fc.integer({ min: 0, max: 100_000 });
const decimal = fc.integer({ min: 0, max: 100_000 }).map((n) => n / 100);
const bytes = fc.oneof(count, fc.integer({ min: 1, max: 4096 }).map((n) => n * 1024 ** 2));
const secs = fc.oneof(decimal, fc.integer({ min: 1, max: 90 }).map((n) => n * 60), fc.integer({ min: 1, max: 30 }).map((n) => n * 86_400));
const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/);
const text = fc.stringMatching(/^[a-zA-Z0-9 ._:/"'-]{1,16}$/);
const regex = fc.array(fc.constantFrom('a', 'Z', '0', ' ', '^', '$', '.', '"', "'", '\\d', '\\.', '(x)', '[ab]'), { minLength: 1, maxLength: 6 }).map((p) => p.join(''));
const hex = fc.stringMatching(/^[0-9a-f]{32}$/);

const command: Arb<Command> = merge<Command>(
  fc.array(fc.stringMatching(/^[a-z/._-]{1,8}$/), { minLength: 1, maxLength: 4 }).map((words) => {
    const t = words.join(' ');
    return { text: t, argv: splitCommand(t) };
  }),
  opt('timeoutMs', fc.integer({ min: 1, max: 600_000 })),
  opt('uid', fc.oneof(name, fc.integer({ min: 0, max: 65_535 }))),
  opt('gid', fc.oneof(name, fc.integer({ min: 0, max: 65_535 }))),
);

const failureAction: Arb<ActionSpec> = fc.oneof(
  merge<ActionSpec>(fc.constant({ type: 'alert' }), opt('reminder', fc.integer({ min: 1, max: 100 }))),
  fc.constantFrom<ActionSpec>({ type: 'start' }, { type: 'stop' }, { type: 'restart' }, { type: 'unmonitor' }),
  merge<ActionSpec>(command.map((c) => ({ type: 'exec', command: c })), opt('repeatEvery', fc.integer({ min: 1, max: 64 }))),
);
const recoveryAction: Arb<ActionSpec> = fc.oneof(failureAction, fc.constant<ActionSpec>({ type: 'ignore' }));

const rate: Arb<Rate> = fc.integer({ min: 1, max: 64 }).chain((cycles) => fc.integer({ min: 1, max: cycles }).map((c) => ({ count: c, cycles })));

const RESOURCES: Array<[ResourceName, Array<'percent' | 'bytes' | 'count' | 'load'>]> = [
  ['cpu', ['percent']], ['totalcpu', ['percent']], ['cpuuser', ['percent']], ['cpusystem', ['percent']], ['cpuwait', ['percent']],
  ['memory', ['percent', 'bytes']], ['totalmemory', ['percent', 'bytes']], ['swap', ['percent', 'bytes']],
  ['children', ['count']], ['threads', ['count']], ['loadavg1', ['load']], ['loadavg5', ['load']], ['loadavg15', ['load']],
  ['filedescriptors', ['count', 'percent']], ['totalfiledescriptors', ['count', 'percent']],
];

const resource: Arb<Test> = fc.constantFrom(...RESOURCES).chain(([r, units]) =>
  fc.tuple(fc.constantFrom(...units), op, fc.boolean()).chain(([unit, o, perCore]) =>
    (unit === 'bytes' ? bytes : unit === 'percent' || unit === 'load' ? decimal : count).map((value): Test => {
      const t: Test = { kind: 'resource', resource: r, op: o, value, unit };
      return perCore && r.startsWith('loadavg') ? { ...t, perCore: true } : t;
    })));

const field = fc.constantFrom('any', 'atime', 'ctime', 'mtime' as const);

const simpleTests: Arb<Test> = fc.oneof(
  fc.constant<Test>({ kind: 'nonexist' }),
  fc.constantFrom('pid', 'ppid', 'status', 'size', 'checksum', 'permission', 'fsflags', 'link', 'content' as const).map((target): Test => ({ kind: 'changed', target })),
  field.map((f): Test => ({ kind: 'changed', target: 'timestamp', field: f })),
  resource,
  fc.tuple(op, secs).map(([o, s]): Test => ({ kind: 'uptime', op: o, seconds: s })),
  fc.tuple(fc.constantFrom('uid', 'euid', 'gid' as const), fc.oneof(name, fc.integer({ min: 0, max: 65_535 }))).map(([f, e]): Test => ({ kind: 'identity', field: f, expect: e })),
  fc.tuple(op, count).map(([o, v]): Test => ({ kind: 'status', op: o, value: v })),
  fc.tuple(fc.constantFrom('=', '!=' as const), regex).map(([o, p]): Test => ({ kind: 'content', op: o, pattern: p })),
  fc.tuple(field, op, secs).map(([f, o, s]): Test => ({ kind: 'timestamp', field: f, op: o, seconds: s })),
  fc.tuple(op, bytes).map(([o, b]): Test => ({ kind: 'size', op: o, bytes: b })),
  merge<Test>(fc.constant({ kind: 'checksum' }), opt('algorithm', fc.constantFrom('md5', 'sha1', 'sha256' as const)), opt('expect', hex)),
  fc.integer({ min: 0, max: 0o7777 }).map((mode): Test => ({ kind: 'permission', mode })),
  fc.tuple(fc.boolean(), op, fc.boolean(), decimal, bytes).map(([free, o, pct, d, b]): Test =>
    ({ kind: 'space', free, op: o, value: pct ? d : b, unit: pct ? 'percent' : 'bytes' })),
  fc.tuple(fc.boolean(), op, fc.boolean(), decimal, count).map(([free, o, pct, d, c]): Test =>
    ({ kind: 'inode', free, op: o, value: pct ? d : c, unit: pct ? 'percent' : 'count' })),
  fc.constant<Test>({ kind: 'link', state: 'down' }),
  fc.tuple(op, decimal).map(([o, p]): Test => ({ kind: 'saturation', op: o, percent: p })),
  fc.tuple(fc.constantFrom('upload', 'download' as const), op, fc.boolean(), bytes, count).map(([d, o, pk, b, c]): Test =>
    ({ kind: 'traffic', direction: d, op: o, value: pk ? c : b, unit: pk ? 'packets' : 'bytes' })),
);

const optionValue: Record<string, Arb<ProtocolSpec['options'][string]>> = {
  request: text, hostheader: text, username: text, password: text, database: text, secret: text, target: text, origin: text, version: text,
  method: fc.constantFrom('GET', 'HEAD', 'POST'),
  maxforward: fc.integer({ min: 0, max: 255 }),
  checksum: hex,
  status: fc.tuple(op, fc.integer({ min: 100, max: 599 })).map(([o, v]) => ({ op: o, value: v })),
  loglimit: fc.tuple(op, fc.integer({ min: 0, max: 100 })).map(([o, v]) => ({ op: o, value: v })),
  headers: fc.array(fc.stringMatching(/^[A-Z][a-z]{1,6}: [a-z0-9./*]{1,10}$/), { minLength: 1, maxLength: 3 }).map((h) => h.join('\n')),
};

const contentOptions = fc.tuple(regex, fc.boolean()).map(([p, neg]) => (neg ? { content: p, contentOp: '!=' } : { content: p }));

const namedProtocol: Arb<ProtocolSpec> = fc.tuple(
  fc.constantFrom(...PROTOCOLS),
  fc.subarray(Object.keys(optionValue)).chain((keys) => fc.tuple(...keys.map((k) => (optionValue[k] as Arb<unknown>).map((v) => [k, v] as const)))),
  fc.option(contentOptions, { nil: undefined }),
).map(([n, pairs, content]) => ({ name: n, options: { ...Object.fromEntries(pairs), ...content } as ProtocolSpec['options'] }));

const sendExpect = fc.array(fc.oneof(text.map((s) => ({ send: s })), regex.map((e) => ({ expect: e }))), { minLength: 1, maxLength: 4 });
const protocol: Arb<ProtocolSpec> = fc.oneof(
  namedProtocol,
  merge<ProtocolSpec>(namedProtocol, sendExpect.map((s) => ({ sendExpect: s }))),
  sendExpect.map((s): ProtocolSpec => ({ name: 'generic', options: {}, sendExpect: s })),
);

const family = opt('family', fc.constantFrom('ipv4', 'ipv6' as const));
const common = [
  opt('timeoutMs', fc.integer({ min: 1, max: 600_000 })),
  opt('retry', fc.integer({ min: 1, max: 10 })),
  opt('responseTime', fc.tuple(op, fc.integer({ min: 1, max: 60_000 })).map(([o, ms]) => ({ op: o, ms }))),
];
const certificate = opt('certificate', fc.oneof(
  fc.integer({ min: 1, max: 400 }).map((validDays) => ({ validDays })),
  hex.map((checksum) => ({ checksum })),
  fc.tuple(fc.integer({ min: 1, max: 400 }), hex).map(([validDays, checksum]) => ({ validDays, checksum })),
));

const connection: Arb<Test> = fc.oneof(
  merge<ConnectionTest>(
    fc.constant({ kind: 'connection' }),
    merge<object>(fc.constant({ type: 'port' }), opt('host', fc.constantFrom('localhost', '127.0.0.1', 'db.example.com', '::1')),
      fc.integer({ min: 1, max: 65_535 }).map((port) => ({ port })), family,
      fc.constantFrom('tcp', 'udp', 'tcpssl').map((socket) => ({ socket }))).map((target) => ({ target })),
    opt('protocol', protocol), certificate, ...common,
  ),
  merge<ConnectionTest>(
    fc.constant({ kind: 'connection' }),
    fc.tuple(fc.stringMatching(/^\/[a-z/._-]{1,12}$/), fc.constantFrom('tcp', 'udp' as const)).map(([path, socket]) => ({ target: { type: 'unix', path, socket } })),
    opt('protocol', protocol), ...common,
  ),
  fc.tuple(fc.constantFrom('http', 'https'), fc.stringMatching(/^[a-z0-9/]{0,10}$/)).chain(([scheme, path]) => merge<ConnectionTest>(
    fc.constant({ kind: 'connection', target: { type: 'url', url: `${scheme}://example.com/${path}` } }),
    opt('protocol', contentOptions.map((options) => ({ name: scheme, options }))), certificate, ...common,
  )),
  merge<ConnectionTest>(
    fc.constant({ kind: 'connection' }),
    merge<object>(fc.constant({ type: 'ping' }), family, opt('count', fc.integer({ min: 1, max: 20 })), opt('size', fc.integer({ min: 8, max: 1492 }))).map((target) => ({ target })),
    ...common,
  ),
);

const testWithPolarity: Arb<[Test, Polarity]> = fc.oneof(
  simpleTests.map((t): [Test, Polarity] => [t, 'failed']),
  fc.constant<[Test, Polarity]>([{ kind: 'exist' }, 'succeeded']),
  fc.constant<[Test, Polarity]>([{ kind: 'link', state: 'up' }, 'succeeded']),
  fc.tuple(connection, fc.constantFrom<Polarity>('failed', 'succeeded')),
);

export type Canonical =
  | { type: 'rule'; rule: Omit<Rule, 'id' | 'text' | 'pos'> }
  | { type: 'restartLimit'; limit: { count: number; cycles: number; action: ActionSpec } }
  | { type: 'ignoreContent'; ignore: { op: '=' | '!='; pattern: string } };

export const parsedRule: Arb<Canonical> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(testWithPolarity, rate, failureAction, recoveryAction, rate).map(([[test, polarity], r, action, recAction, recRate]) =>
    ({ type: 'rule' as const, rule: { test, polarity, rate: r, action, recovery: { action: recAction, rate: recRate } } })) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 0, max: 200 }), failureAction).map(([c, extra, action]) =>
    ({ type: 'restartLimit' as const, limit: { count: c, cycles: c + extra, action } })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('=', '!=' as const), regex).map(([o, pattern]) => ({ type: 'ignoreContent' as const, ignore: { op: o, pattern } })) },
);

/** A ParsedRule without the fields that depend on where and how it was written. */
export function canonical(p: ParsedRule): Canonical {
  switch (p.type) {
    case 'rule': {
      const { id: _i, text: _t, pos: _p, ...rule } = p.rule;
      return { type: 'rule', rule };
    }
    case 'restartLimit':
      return { type: 'restartLimit', limit: { count: p.limit.count, cycles: p.limit.cycles, action: p.limit.action } };
    case 'ignoreContent':
      return { type: 'ignoreContent', ignore: { op: p.ignore.op, pattern: p.ignore.pattern } };
  }
}
