// Bad control files: each reports its stable code at the exact line:col, and all of them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorsOf, lines as l, load, warningsOf } from './helpers.ts';

const proc = (...body: string[]): string => l('checks:', '  - process: web', '    pidfile: /run/web.pid', ...body);

/** name, file text, expected `CODE@line:col` errors (sorted by position). */
const BAD: Array<[string, string, string[]]> = [
  ['unknown top-level key', l('deamon: 30', 'checks: []'), ['TSM_E_UNKNOWN_KEY@1:1']],
  ['unknown key in a check', proc('    pidfle: /x'), ['TSM_E_UNKNOWN_KEY@4:5']],
  ["another type's key in a check", l('checks:', '  - host: db', '    address: db.local', '    pidfile: /x'), ['TSM_E_UNKNOWN_KEY@4:5']],
  ['unknown key in limits', l('limits:', '  start_timout: 5s', 'checks: []'), ['TSM_E_UNKNOWN_KEY@2:3']],
  ['unknown key in httpd', l('httpd:', '  port: 2812', '  allow: [admin:x]', '  bind: 0.0.0.0', 'checks: []'), ['TSM_E_UNKNOWN_KEY@4:3']],
  ['wrong type: log is a number', l('log: 5', 'checks: []'), ['TSM_E_TYPE@1:6']],
  ['wrong type: checks is a mapping', l('checks: { a: 1 }'), ['TSM_E_TYPE@1:9']],
  ['wrong type: port is a string', l('httpd:', '  port: "2812"', '  allow: [admin:x]', 'checks: []'), ['TSM_E_TYPE@2:9']],
  ['wrong type: control_socket true', l('control_socket: true', 'checks: []'), ['TSM_E_TYPE@1:17']],
  ['wrong type: group is a mapping', proc('    group: { a: b }'), ['TSM_E_TYPE@4:12']],
  ['wrong type: start is a number', proc('    start: 5'), ['TSM_E_TYPE@4:12']],
  ['wrong type: a rule is a number', proc('    rules:', '      - 42'), ['TSM_E_TYPE@5:9']],
  ['bad duration', l('daemon: 5 parsecs', 'checks: []'), ['TSM_E_DURATION@1:9']],
  ['bad duration in limits', l('limits: { stop_timeout: soon }', 'checks: []'), ['TSM_E_DURATION@1:25']],
  ['bad size', l('limits:', '  program_output: 5 furlongs', 'checks: []'), ['TSM_E_SIZE@2:19']],
  ['daemon below 100 ms', l('daemon: 50ms', 'checks: []'), ['TSM_E_VALUE@1:9']],
  ['zero stop_timeout', l('limits: { stop_timeout: 0 }', 'checks: []'), ['TSM_E_VALUE@1:25']],
  ['missing check type', l('checks:', '  - pidfile: /x', '    group: g'), ['TSM_E_CHECK_TYPE@2:5']],
  ['two type keys', l('checks:', '  - process: a', '    host: b', '    pidfile: /x'), ['TSM_E_CHECK_TYPE@3:5']],
  ['duplicate service name', l('checks:', '  - system: box', '  - host: box', '    address: 10.0.0.1'), ['TSM_E_DUPLICATE_SERVICE@3:11']],
  ['service named all', l('checks:', '  - system: all'), ['TSM_E_SERVICE_NAME@2:13']],
  ['empty service name', l('checks:', '  - system: ""'), ['TSM_E_SERVICE_NAME@2:13']],
  ['missing service name', l('checks:', '  - system:'), ['TSM_E_SERVICE_NAME@2:5']],
  ['unknown depends', l('checks:', '  - system: box', '    depends: [db, cache]', '  - system: db'), ['TSM_E_UNKNOWN_DEPENDENCY@3:19']],
  ['depends cycle', l('checks:', '  - system: a', '    depends: b', '  - system: b', '    depends: [c]', '  - system: c', '    depends: a'), ['TSM_E_DEPENDENCY_CYCLE@3:14']],
  ['depends on itself', l('checks:', '  - system: a', '    depends: [a]'), ['TSM_E_DEPENDENCY_CYCLE@3:15']],
  ['pidfile and matching both', proc('    matching: "web"'), ['TSM_E_VALUE@4:5']],
  ['process with neither pidfile nor matching', l('checks:', '  - process: web'), ['TSM_E_REQUIRED@2:5']],
  ['bad matching regex', l('checks:', '  - process: web', '    matching: "web(["'), ['TSM_E_REGEX@3:15']],
  ['bad cron in every', l('checks:', '  - system: box', '    every: "61 * * * *"'), ['TSM_E_CRON@3:12']],
  ['cron with 4 fields in not_every', l('checks:', '  - system: box', "    not_every: '* * * *'"), ['TSM_E_CRON@3:16']],
  ['every 0 cycles', l('checks:', '  - system: box', '    every: 0'), ['TSM_E_VALUE@3:12']],
  ['empty start command', proc('    start: ""'), ['TSM_E_COMMAND@4:12']],
  ['blank program in a start object', proc('    start: { program: "   ", timeout: 10s }'), ['TSM_E_COMMAND@4:23']],
  ['unterminated quote in stop', proc(`    stop: "/bin/sh -c 'kill"`), ['TSM_E_COMMAND@4:11']],
  ['rule syntax error', proc('    rules:', '      - if cpu > 50% restart'), ['TSM_E_RULE_SYNTAX@5:22']],
  ['rule syntax error, single-quoted', proc('    rules:', "      - 'if cpu > 50% restart'"), ['TSM_E_RULE_SYNTAX@5:23']],
  ['rule syntax error at the start', proc('    rules: ["when cpu > 50% then alert"]'), ['TSM_E_RULE_SYNTAX@4:14']],
  ['rule with a unit that does not fit', proc('    rules:', '      - if cpu > 5 MB then alert'), ['TSM_E_RULE_UNIT@5:20']],
  ['changed pid in a host check', l('checks:', '  - host: db', '    address: db.local', '    rules:', '      - if changed pid then alert'), ['TSM_E_RULE_NOT_FOR_TYPE@5:12']],
  ['rate 5 within 3 cycles', proc('    rules:', '      - if cpu > 50% 5 times within 3 cycles then alert'), ['TSM_E_RULE_RATE@5:22']],
  ['rate 65 cycles', proc('    rules:', '      - if cpu > 50% for 65 cycles then alert'), ['TSM_E_RULE_RATE@5:26']],
  ['ignore as the failure action', proc('    rules:', '      - if cpu > 50% then ignore'), ['TSM_E_RULE_SYNTAX@5:27']],
  ['bad regex in a rule', l('checks:', '  - file: log', '    path: /var/log/x', '    rules:', '      - if content = "a(" then alert'), ['TSM_E_REGEX@5:22']],
  ['httpd without a user', l('httpd:', '  allow: [localhost, 10.0.0.0/8]', 'checks: []'), ['TSM_E_HTTPD@1:1']],
  ['httpd allow entry that is neither host nor user', l('httpd:', '  allow: ["admin:x", "not a host"]', 'checks: []'), ['TSM_E_HTTPD@2:22']],
  ['httpd port out of range', l('httpd:', '  port: 70000', '  allow: [admin:x]', 'checks: []'), ['TSM_E_VALUE@2:9']],
  ['bad global onreboot', l('onreboot: always', 'checks: []'), ['TSM_E_VALUE@1:11']],
  ['bad check onreboot', l('checks:', '  - system: box', '    onreboot: never'), ['TSM_E_VALUE@3:15']],
  ['bad mode', l('checks:', '  - system: box', '    mode: lazy'), ['TSM_E_VALUE@3:11']],
  ['YAML syntax error', l('checks:', '  - system: box', '   rules: [x'), ['TSM_E_YAML_SYNTAX@3:1', 'TSM_E_YAML_SYNTAX@4:1']],
  ['duplicate YAML key', l('daemon: 5', 'daemon: 6', 'checks: []'), ['TSM_E_YAML_SYNTAX@2:1']],
  ['checks missing', l('daemon: 5'), ['TSM_E_REQUIRED@1:1']],
  ['host without address', l('checks:', '  - host: db'), ['TSM_E_REQUIRED@2:5']],
  ['network with interface and address', l('checks:', '  - network: lan', '    interface: eth0', '    address: 10.0.0.1'), ['TSM_E_VALUE@4:5']],
  ['alert recipient without email or webhook', l('alerts:', '  - reminder: 5', 'checks: []'), ['TSM_E_REQUIRED@2:5']],
  ['alert with an unknown event', l('alerts:', '  - email: ops@example.com', '    only_on: [nonexist, coffee]', 'checks: []'), ['TSM_E_VALUE@3:25']],
];

describe('bad control files', () => {
  for (const [name, text, expected] of BAD) {
    test(name, () => {
      const r = load(text);
      assert.equal(r.ok, false, 'the file is refused');
      assert.deepEqual(errorsOf(r), expected);
    });
  }

  test('a file not named .yml/.yaml is read as monit syntax, not as YAML', () => {
    const r = load('set daemon 30\ncheck system box\n', '/etc/monitrc');
    assert.ok(r.ok, r.ok ? '' : r.errors.map((e) => e.message).join('\n'));
    assert.equal(r.config.cycleMs, 30_000);
    assert.deepEqual(r.config.services.map((s) => [s.type, s.name]), [['system', 'box']]);
  });

  test('the table holds at least 40 cases', () => assert.ok(BAD.length >= 40));
});

describe('a file with many errors reports all of them', () => {
  const text = l(
    'daemon: 5 parsecs',                      // 1 TSM_E_DURATION@1:9
    'colour: blue',                           // 2 TSM_E_UNKNOWN_KEY@2:1
    'limits: { program_output: huge }',       // 3 TSM_E_SIZE@3:27
    'checks:',
    '  - process: web',
    '    pidfile: /run/web.pid',
    '    depends: nothere',                   // 7 TSM_E_UNKNOWN_DEPENDENCY@7:14
    '    rules:',
    '      - if cpu > 5 MB then alert',       // 9 TSM_E_RULE_UNIT@9:20
    '      - if cpu > 50% restart',           // 10 TSM_E_RULE_SYNTAX@10:22
    '  - host: web',                          // 11 TSM_E_DUPLICATE_SERVICE@11:11
    '    address: web.local',
    '    rules: ["if changed pid then alert"]', // 13 TSM_E_RULE_NOT_FOR_TYPE@13:17
    '  - system: all',                        // 14 TSM_E_SERVICE_NAME@14:13
    '    mode: sometimes',                    // 15 TSM_E_VALUE@15:11
  );
  test('every error is reported with its position', () => {
    assert.deepEqual(errorsOf(load(text)), [
      'TSM_E_DURATION@1:9',
      'TSM_E_UNKNOWN_KEY@2:1',
      'TSM_E_SIZE@3:27',
      'TSM_E_UNKNOWN_DEPENDENCY@7:14',
      'TSM_E_RULE_UNIT@9:20',
      'TSM_E_RULE_SYNTAX@10:22',
      'TSM_E_DUPLICATE_SERVICE@11:11',
      'TSM_E_RULE_NOT_FOR_TYPE@13:17',
      'TSM_E_SERVICE_NAME@14:13',
      'TSM_E_VALUE@15:11',
    ]);
  });
});

describe('warnings do not fail the file', () => {
  test('held statements and a non-loopback listener without ssl', () => {
    const r = load(l(
      'idfile: /var/lib/tsmonit/id',
      'eventqueue: { basedir: /var/lib/tsmonit/events, slots: 100 }',
      'mmonit: http://monit:monit@mmonit:8080/collector',
      'ssl: { verify: enable }',
      'httpd:',
      '  address: 0.0.0.0',
      '  allow: [admin:secret]',
      'checks: []',
    ));
    assert.equal(r.ok, true);
    assert.deepEqual(warningsOf(r), [
      'TSM_W_NOT_ACTED_ON@1:1', 'TSM_W_NOT_ACTED_ON@2:1', 'TSM_W_NOT_ACTED_ON@3:1', 'TSM_W_NOT_ACTED_ON@4:1', 'TSM_W_NO_TLS@6:12',
    ]);
  });
});
