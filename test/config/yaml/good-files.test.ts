// Good control files load into the expected model.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_LIMITS } from '../../../src/model/config.ts';
import type { ProcessSpec, ServiceSpec } from '../../../src/model/service.ts';
import { parseConfigText } from '../../../src/config/load.ts';
import { ENV, lines as l, load, loadOk } from './helpers.ts';

function service(specs: readonly ServiceSpec[], name: string): ServiceSpec {
  const s = specs.find((x) => x.name === name);
  assert.ok(s, `service ${name}`);
  return s;
}

describe('defaults', () => {
  test('an empty checks list gives every default (non-root)', () => {
    const c = loadOk('checks: []\n');
    assert.deepEqual({ ...c, files: c.files }, {
      files: ['tsmonit.yml'],
      cycleMs: 30_000,
      startDelayMs: 0,
      log: 'stdout',
      controlSocket: '/home/ops/.tsmonit.sock',
      statefile: '/home/ops/.tsmonit.state.json',
      onreboot: 'start',
      limits: DEFAULT_LIMITS,
      include: [],
      mailservers: [],
      alerts: [],
      held: {},
      services: [],
    });
  });
  test('root gets system locations', () => {
    const c = loadOk('checks: []\n', { ...ENV, isRoot: true, home: '/root' });
    assert.equal(c.controlSocket, '/run/tsmonit/tsmonit.sock');
    assert.equal(c.statefile, '/var/lib/tsmonit/state.json');
  });
  test('a check gets its defaults', () => {
    const s = service(loadOk(l('checks:', '  - system: box')).services, 'box');
    assert.deepEqual(s, {
      type: 'system', name: 'box', pos: { file: 'tsmonit.yml', line: 2, col: 5 }, groups: [], depends: [], mode: 'active',
      alerts: [], noalert: [], rules: [], restartLimits: [], ignoreContent: [],
    });
  });
});

describe('global keys', () => {
  const durations: Array<[string, number]> = [
    ['30', 30_000], ['0.5', 500], ['"500ms"', 500], ['30s', 30_000], ['2m', 120_000], ['1h', 3_600_000],
    ['30 seconds', 30_000], ['2 minutes', 120_000], ['60 s', 60_000], ['100ms', 100],
  ];
  for (const [text, ms] of durations) {
    test(`daemon: ${text}`, () => assert.equal(loadOk(l(`daemon: ${text}`, 'checks: []')).cycleMs, ms));
  }
  const sizes: Array<[string, number]> = [
    ['512 B', 512], ['64 KB', 65_536], ['1.5 GB', 1.5 * 1024 ** 3], ['2MB', 2 * 1024 ** 2], ['1024', 1024], ['"10 kilobytes"', 10_240],
  ];
  for (const [text, bytes] of sizes) {
    test(`program_output: ${text}`, () => assert.equal(loadOk(l(`limits: { program_output: ${text} }`, 'checks: []')).limits.programOutputBytes, bytes));
  }
  test('every setting', () => {
    const c = loadOk(l(
      'daemon: 10s',
      'start_delay: 1m',
      'log: logs/tsmonit.log',
      'pidfile: ~/tsmonit.pid',
      'control_socket: false',
      'statefile: /var/tmp/state.json',
      'onreboot: laststate',
      'limits:',
      '  start_timeout: 20s',
      '  stop_timeout: 10',
      '  restart_timeout: 1m',
      '  exec_timeout: 0',
      '  program_timeout: 2 minutes',
      '  network_timeout: 500ms',
      '  program_output: 1 KB',
      '  send_expect_buffer: 512 B',
      '  file_content_buffer: 2 KB',
      '  http_content_buffer: 2 MB',
      'include: conf.d/*.yml',
      'mailserver: { host: smtp.local, port: 587, username: u, password: p, tls: true, timeout: 10s }',
      'alerts:',
      '  - email: ops@example.com',
      '    but_not_on: [instance, action]',
      '    reminder: 10',
      '  - webhook: https://hooks.example.com/tsmonit',
      '    only_on: [nonexist]',
      'mail_format: { from: tsmonit@$HOST, reply_to: ops@example.com, subject: "$SERVICE $EVENT", message: hi }',
      'checks: []',
    ));
    const { services: _s, files: _f, ...rest } = c;
    assert.deepEqual(rest, {
      cycleMs: 10_000,
      startDelayMs: 60_000,
      log: '/srv/app/logs/tsmonit.log',
      pidfile: '/home/ops/tsmonit.pid',
      controlSocket: false,
      statefile: '/var/tmp/state.json',
      onreboot: 'laststate',
      limits: {
        startTimeoutMs: 20_000, stopTimeoutMs: 10_000, restartTimeoutMs: 60_000, execTimeoutMs: 0, programTimeoutMs: 120_000,
        networkTimeoutMs: 500, programOutputBytes: 1024, sendExpectBufferBytes: 512, fileContentBufferBytes: 2048,
        httpContentBufferBytes: 2 * 1024 ** 2,
      },
      include: ['conf.d/*.yml'],
      mailservers: [{ host: 'smtp.local', port: 587, username: 'u', password: 'p', tls: true, timeoutMs: 10_000 }],
      alerts: [
        { email: 'ops@example.com', butNotOn: ['instance', 'action'], reminder: 10 },
        { webhook: 'https://hooks.example.com/tsmonit', onlyOn: ['nonexist'] },
      ],
      mailFormat: { from: 'tsmonit@$HOST', replyTo: 'ops@example.com', subject: '$SERVICE $EVENT', message: 'hi' },
      held: {},
    });
  });
  test('held statements are kept', () => {
    const c = loadOk(l('idfile: ~/.tsmonit.id', 'eventqueue: { basedir: /var/q, slots: 100 }', 'mmonit: http://m:8080/collector', 'ssl: { verify: enable }', 'checks: []'));
    assert.deepEqual(c.held, { idfile: '/home/ops/.tsmonit.id', eventqueue: { basedir: '/var/q', slots: 100 }, mmonit: 'http://m:8080/collector', ssl: { verify: 'enable' } });
  });
});

describe('httpd', () => {
  test('defaults and every allow form', () => {
    const c = loadOk(l(
      'httpd:',
      '  allow:',
      '    - localhost',
      '    - 192.168.0.0/24',
      '    - 10.0.0.0/255.0.0.0',
      '    - ::1',
      '    - fe80::/10',
      '    - admin:monit',
      '    - guest:guest readonly',
      '    - { user: ops, password: "$2b$10$abc", readonly: false }',
      '    - { htpasswd: /etc/tsmonit/htpasswd, readonly: true }',
      'checks: []',
    ));
    assert.deepEqual(c.httpd, {
      port: 2812,
      address: '127.0.0.1',
      loginLimit: 10,
      pos: { file: 'tsmonit.yml', line: 1, col: 1 },
      allow: [
        { kind: 'host', value: 'localhost' },
        { kind: 'host', value: '192.168.0.0/24' },
        { kind: 'host', value: '10.0.0.0/255.0.0.0' },
        { kind: 'host', value: '::1' },
        { kind: 'host', value: 'fe80::/10' },
        { kind: 'user', user: 'admin', password: 'monit', readonly: false },
        { kind: 'user', user: 'guest', password: 'guest', readonly: true },
        { kind: 'user', user: 'ops', password: '$2b$10$abc', readonly: false },
        { kind: 'htpasswd', path: '/etc/tsmonit/htpasswd', readonly: true },
      ],
    });
  });
  test('port, address, ssl and login_limit', () => {
    const r = load(l('httpd:', '  port: 8443', '  address: 0.0.0.0', '  ssl: { cert: ~/c.pem, key: /k.pem }', '  allow: [{ htpasswd: ~/htpasswd }]', '  login_limit: 3', 'checks: []'));
    assert.ok(r.ok);
    assert.deepEqual(r.warnings, [], 'ssl: no TLS warning');
    assert.deepEqual({ ...r.config.httpd, pos: undefined }, {
      port: 8443, address: '0.0.0.0', ssl: { cert: '/home/ops/c.pem', key: '/k.pem' }, loginLimit: 3,
      allow: [{ kind: 'htpasswd', path: '/home/ops/htpasswd', readonly: false }], pos: undefined,
    });
  });
});

describe('checks', () => {
  test('$HOST in a system name is the host name', () => {
    assert.equal(loadOk(l('checks:', '  - system: $HOST')).services[0]?.name, 'web01');
    assert.equal(loadOk(l('checks:', '  - system: $HOST-box')).services[0]?.name, 'web01-box');
  });
  test('names are case-sensitive and may hold any character', () => {
    const names = loadOk(l('checks:', '  - system: Box', '  - system: box', '  - system: "a b/c%d"', '  - system: 2024')).services.map((s) => s.name);
    assert.deepEqual(names, ['Box', 'box', 'a b/c%d', '2024']);
  });
  test('every check type with its keys', () => {
    const specs = loadOk(l(
      'checks:',
      '  - process: web',
      '    pidfile: ~/web.pid',
      '  - process: worker',
      '    matching: "worker\\\\.js"',
      '  - host: db',
      '    address: db.local',
      '  - program: backup-check',
      '    path: "/usr/local/bin/check --quiet \'a b\'"',
      '    timeout: 90s',
      '  - file: log',
      '    path: /var/log/app.log',
      '  - directory: spool',
      '    path: /var/spool',
      '  - fifo: pipe',
      '    path: /run/pipe',
      '  - filesystem: root',
      '    path: /',
      '  - network: lan',
      '    interface: eth0',
      '  - network: wan',
      '    address: 10.0.0.1',
    )).services;
    const own = (name: string): Record<string, unknown> => {
      const s = service(specs, name) as unknown as Record<string, unknown>;
      return Object.fromEntries(['pidfile', 'matching', 'address', 'program', 'path', 'interface'].filter((k) => k in s).map((k) => [k, s[k]]));
    };
    assert.deepEqual(own('web'), { pidfile: '/home/ops/web.pid' });
    assert.deepEqual(own('worker'), { matching: 'worker\\.js' });
    assert.deepEqual(own('db'), { address: 'db.local' });
    assert.deepEqual(own('backup-check'), { program: { text: "/usr/local/bin/check --quiet 'a b'", argv: ['/usr/local/bin/check', '--quiet', 'a b'], timeoutMs: 90_000 } });
    assert.deepEqual(own('log'), { path: '/var/log/app.log' });
    assert.deepEqual(own('spool'), { path: '/var/spool' });
    assert.deepEqual(own('pipe'), { path: '/run/pipe' });
    assert.deepEqual(own('root'), { path: '/' });
    assert.deepEqual(own('lan'), { interface: 'eth0' });
    assert.deepEqual(own('wan'), { address: '10.0.0.1' });
  });
  test('common keys', () => {
    const s = service(loadOk(l(
      'checks:',
      '  - system: db',
      '  - system: cache',
      '  - process: web',
      '    pidfile: /run/web.pid',
      '    group: [www, frontend]',
      '    depends: [db, cache]',
      '    mode: passive',
      '    onreboot: nostart',
      '    every: "*/5 * * * *"',
      '    not_every: "* 0-3 * * *"',
      '    alerts: [{ email: web@example.com }]',
      '    noalert: ops@example.com',
      '    start: { program: "/usr/sbin/web -d", timeout: 60s, uid: www, gid: 33 }',
      "    stop: \"/bin/sh -c 'kill $(cat /run/web.pid)'\"",
      '    restart: /usr/sbin/web-restart',
    )).services, 'web') as ProcessSpec;
    assert.deepEqual(
      { groups: s.groups, depends: s.depends, mode: s.mode, onreboot: s.onreboot, every: s.every, notEvery: s.notEvery, alerts: s.alerts, noalert: s.noalert },
      { groups: ['www', 'frontend'], depends: ['db', 'cache'], mode: 'passive', onreboot: 'nostart', every: { kind: 'cron', cron: '*/5 * * * *' }, notEvery: '* 0-3 * * *', alerts: [{ email: 'web@example.com' }], noalert: ['ops@example.com'] },
    );
    assert.deepEqual(s.start, { text: '/usr/sbin/web -d', argv: ['/usr/sbin/web', '-d'], timeoutMs: 60_000, uid: 'www', gid: 33 });
    assert.deepEqual(s.stop, { text: "/bin/sh -c 'kill $(cat /run/web.pid)'", argv: ['/bin/sh', '-c', 'kill $(cat /run/web.pid)'] });
    assert.deepEqual(s.restart, { text: '/usr/sbin/web-restart', argv: ['/usr/sbin/web-restart'] });
  });
  test('every as cycles; mode manual means onreboot laststate', () => {
    const [a, b, c] = loadOk(l('checks:', '  - system: a', '    every: 3', '    mode: manual', '  - system: b', '    every: "2 cycles"', '  - system: c', '    mode: manual', '    onreboot: start')).services;
    assert.deepEqual([a?.every, a?.mode, a?.onreboot], [{ kind: 'cycles', cycles: 3 }, 'manual', 'laststate']);
    assert.deepEqual(b?.every, { kind: 'cycles', cycles: 2 });
    assert.deepEqual([c?.mode, c?.onreboot], ['manual', 'start']);
  });
});

describe('rules in a check', () => {
  test('rules, restart limits and content ignores are sorted out; repeated ids get #2', () => {
    const s = service(loadOk(l(
      'checks:',
      '  - file: log',
      '    path: /var/log/app.log',
      '    rules:',
      '      - ignore content = "DEBUG"',
      '      - if content = "ERROR" then alert',
      '      - if content = "ERROR" then alert',
      '      - if 3 restarts within 5 cycles then unmonitor',
    )).services, 'log');
    assert.deepEqual(s.rules.map((r) => r.id), ['if does not exist then alert', 'if content = "error" then alert', 'if content = "error" then alert #2']);
    assert.deepEqual(s.restartLimits.map((r) => [r.id, r.count, r.cycles]), [['if 3 restarts within 5 cycles then unmonitor', 3, 5]]);
    assert.deepEqual(s.ignoreContent.map((i) => [i.op, i.pattern, i.pos]), [['=', 'DEBUG', { file: 'tsmonit.yml', line: 5, col: 9 }]]);
  });
  test('a chained rule gives two rules with distinct ids', () => {
    const s = service(loadOk(l('checks:', '  - system: box', '    rules: ["if cpu > 90% memory > 90% then alert"]')).services, 'box');
    assert.deepEqual(s.rules.map((r) => [r.id, r.test.kind === 'resource' && r.test.resource]), [
      ['if cpu > 90% memory > 90% then alert', 'cpu'],
      ['if cpu > 90% memory > 90% then alert #2', 'memory'],
    ]);
  });
});

describe('implicit rules', () => {
  const implicit = (check: string[]): Array<[string, boolean | undefined]> =>
    loadOk(l('checks:', ...check)).services[0]?.rules.map((r) => [r.text, r.implicit]) ?? [];
  test('a process with a start program restarts when missing', () => {
    assert.deepEqual(implicit(['  - process: p', '    pidfile: /p', '    start: /bin/p']), [['if does not exist then restart', true]]);
  });
  test('a process without start alerts when missing', () => {
    assert.deepEqual(implicit(['  - process: p', '    pidfile: /p']), [['if does not exist then alert', true]]);
  });
  test("the user's own nonexist rule replaces the implicit one", () => {
    assert.deepEqual(implicit(['  - process: p', '    pidfile: /p', '    start: /bin/p', '    rules: ["if does not exist for 2 cycles then alert"]']), [
      ['if does not exist for 2 cycles then alert', undefined],
    ]);
  });
  test('file, fifo and directory alert when missing, restart with a start program', () => {
    assert.deepEqual(implicit(['  - file: f', '    path: /f']), [['if does not exist then alert', true]]);
    assert.deepEqual(implicit(['  - fifo: f', '    path: /f']), [['if does not exist then alert', true]]);
    assert.deepEqual(implicit(['  - directory: d', '    path: /d', '    start: /bin/mk']), [['if does not exist then restart', true]]);
  });
  test('a filesystem also watches its flags', () => {
    assert.deepEqual(implicit(['  - filesystem: fs', '    path: /']), [['if does not exist then alert', true], ['if changed fsflags then alert', true]]);
  });
  test('a network check watches its link', () => {
    assert.deepEqual(implicit(['  - network: n', '    interface: eth0']), [['if link down then alert', true]]);
    assert.deepEqual(implicit(['  - network: n', '    interface: eth0', '    rules: ["if link up then alert"]']), [['if link up then alert', undefined]]);
  });
  test('host, system and program get none', () => {
    assert.deepEqual(implicit(['  - host: h', '    address: h.local']), []);
    assert.deepEqual(implicit(['  - system: s']), []);
    assert.deepEqual(implicit(['  - program: p', '    path: /bin/true']), []);
  });
  test('implicit rules are typed like written ones', () => {
    const r = loadOk(l('checks:', '  - process: p', '    pidfile: /p', '    start: /bin/p')).services[0]?.rules[0];
    assert.deepEqual(r, {
      id: 'if does not exist then restart', text: 'if does not exist then restart', implicit: true, test: { kind: 'nonexist' }, polarity: 'failed',
      rate: { count: 1, cycles: 1 }, action: { type: 'restart' }, recovery: { action: { type: 'alert' }, rate: { count: 1, cycles: 1 } },
    });
  });
});

describe('includes (pure)', () => {
  test("included files' checks join the main file's; other keys are errors there", () => {
    const r = parseConfigText(l('include: conf.d/*.yml', 'checks:', '  - system: box', '    depends: web'), 'main.yml', ENV, [
      { file: 'conf.d/a.yml', text: l('checks:', '  - process: web', '    pidfile: /p') },
      { file: 'conf.d/b.yml', text: l('- host: db', '  address: db.local') },
    ]);
    assert.ok(r.ok);
    assert.deepEqual(r.config.services.map((s) => [s.name, s.pos.file]), [['box', 'main.yml'], ['web', 'conf.d/a.yml'], ['db', 'conf.d/b.yml']]);
    assert.deepEqual(r.config.files, ['main.yml', 'conf.d/a.yml', 'conf.d/b.yml']);
    assert.deepEqual(r.config.include, ['conf.d/*.yml']);
    const bad = parseConfigText('checks: []\n', 'main.yml', ENV, [{ file: 'x.yml', text: l('daemon: 5', 'checks: []') }]);
    assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => [e.code, e.pos.file, e.pos.line, e.pos.col]), [['TSM_E_UNKNOWN_KEY', 'x.yml', 1, 1]]);
  });
  test('duplicates across files point at the second definition', () => {
    const r = parseConfigText(l('checks:', '  - system: box'), 'main.yml', ENV, [{ file: 'b.yml', text: l('- system: box') }]);
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => [e.code, e.pos.file, e.pos.line, e.pos.col]), [['TSM_E_DUPLICATE_SERVICE', 'b.yml', 1, 11]]);
  });
});

describe('the loaded config is deeply frozen', () => {
  test('nested objects cannot be changed', () => {
    const c = loadOk(l('checks:', '  - process: p', '    pidfile: /p', '    start: /bin/p', '    rules: ["if cpu > 5% then alert"]'));
    assert.ok(Object.isFrozen(c));
    assert.ok(Object.isFrozen(c.limits));
    assert.ok(Object.isFrozen(c.services[0]?.rules[1]?.test));
    assert.throws(() => {
      (c.limits as { startTimeoutMs: number }).startTimeoutMs = 1;
    }, TypeError);
  });
});
