// Statements whose effect is not only the model: warnings with their place, what is refused, and how
// monit's free format is read (noise words, several set httpd, statements in any order).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorsOf, lines as l, loadMonitrc, ok, warningsOf } from './helpers.ts';

describe('held but not acted on: in the model, and a warning at the statement', () => {
  const CASES: Array<[string, string, string]> = [
    ['set idfile', 'set idfile /var/lib/monit/id', 'TSM_W_NOT_ACTED_ON@1:5'],
    ['set eventqueue', 'set eventqueue basedir /var/lib/monit/events slots 100', 'TSM_W_NOT_ACTED_ON@1:5'],
    ['set mmonit', 'set mmonit http://m:8080/collector', 'TSM_W_NOT_ACTED_ON@1:5'],
    ['set ssl', 'set ssl { verify: enable }', 'TSM_W_NOT_ACTED_ON@1:5'],
    ['set tls', 'set tls { version: tlsv13 }', 'TSM_W_NOT_ACTED_ON@1:5'],
    ['set terminal batch', 'set terminal batch', 'TSM_W_NOT_ACTED_ON@1:5'],
    ['set fips', 'set fips', 'TSM_W_NOT_ACTED_ON@1:5'],
    ['syslog facility', 'set log syslog facility log_local3', 'TSM_W_NOT_ACTED_ON@1:16'],
  ];
  for (const [name, text, warning] of CASES) {
    test(name, () => {
      const r = loadMonitrc(l(text));
      ok(r);
      assert.deepEqual(warningsOf(r), [warning]);
      assert.match(r.warnings[0]?.message ?? '', /kept in the configuration but tsmonit does not act on it yet/);
    });
  }

  test('the held values', () => {
    const c = ok(loadMonitrc(l('set idfile /var/lib/monit/id', 'set eventqueue slots 10', 'set mmonit http://a/c https://b/c timeout 3 s with hostgroups ["web", db]',
      'set ssl { version: tlsv12 -tlsv11, verify : enable }', 'set log syslog facility LOG_LOCAL3', 'set terminal batch', 'set fips')));
    assert.deepEqual(c.held, {
      idfile: '/var/lib/monit/id',
      eventqueue: { slots: 10 },
      mmonit: { urls: ['http://a/c', 'https://b/c'], timeoutMs: 3000, hostgroups: ['web', 'db'] },
      ssl: { version: 'tlsv12 -tlsv11', verify: 'enable' },
      logFacility: 'log_local3',
      terminal: 'batch',
      fips: true,
    });
  });

  test('set init is what tsmonit does anyway (the foreground): accepted without a warning', () => {
    const r = loadMonitrc(l('set init', 'set daemon 30'));
    assert.equal(ok(r).cycleMs, 30_000);
    assert.deepEqual(r.warnings, []);
  });

  test('options with no effect in tsmonit are warned about where they are written', () => {
    const r = loadMonitrc(l('set daemon 30', 'set httpd port 2812 address 127.0.0.1 signature disable allowselfcertification',
      '  ssl { pemfile: /x.pem ciphers: "HIGH" } allow a:"b"', 'set mailserver m certificate checksum md5 0123abcd using ssl { version: tlsv13 }'));
    ok(r);
    assert.deepEqual(warningsOf(r), ['TSM_W_NOT_ACTED_ON@2:39', 'TSM_W_NOT_ACTED_ON@2:57', 'TSM_W_NOT_ACTED_ON@3:25', 'TSM_W_NOT_ACTED_ON@4:18', 'TSM_W_NOT_ACTED_ON@4:64']);
  });
});

describe('httpd', () => {
  test('allow admin:"secret" takes the quoted password; an unquoted keyword is accepted with a warning', () => {
    const r = loadMonitrc(l('set daemon 30', 'set httpd port 2812 address localhost', '  allow admin:"secret"', '  allow ops:secret read-only'));
    assert.deepEqual(ok(r).httpd?.allow, [
      { kind: 'user', user: 'admin', password: 'secret', readonly: false },
      { kind: 'user', user: 'ops', password: 'secret', readonly: true },
    ]);
    assert.deepEqual(warningsOf(r), ['TSM_W_MONIT_KEYWORD@4:9']);
    assert.match(r.warnings[0]?.message ?? '', /'secret' is a monit keyword: monit refuses it unquoted \(write ops:"secret"\)/);
  });

  test('several set httpd statements add up; the unix socket is the control socket', () => {
    const c = ok(loadMonitrc(l('set daemon 30', 'set httpd port 2812', 'set httpd address 127.0.0.1 allow a:"b"', 'set httpd unixsocket /run/m.sock')));
    assert.deepEqual([c.httpd?.port, c.httpd?.address, c.httpd?.allow.length, c.controlSocket], [2812, '127.0.0.1', 1, '/run/m.sock']);
  });

  test('no user on a TCP listener is refused, as in YAML; a non-loopback listener without ssl warns', () => {
    const r = loadMonitrc(l('set daemon 30', 'set httpd port 2812 allow 10.0.0.0/8'));
    assert.deepEqual(errorsOf(r), ['TSM_E_HTTPD@2:5']);
    assert.deepEqual(warningsOf(r), ['TSM_W_NO_TLS@2:5']);
  });

  test('allow entries on a unix socket alone are warned about (file permissions guard it)', () => {
    const r = loadMonitrc(l('set daemon 30', 'set httpd unixsocket /run/m.sock allow a:"b"'));
    assert.equal(ok(r).httpd, undefined);
    assert.deepEqual(warningsOf(r), ['TSM_W_NOT_ACTED_ON@2:5']);
  });

  test('what tsmonit cannot enforce is refused, each at its place', () => {
    const r = loadMonitrc(l('set daemon 30', 'set httpd port 2812 allow a:"b"', '  allow @staff', '  allow /etc/htpasswd', '  allow md5 /etc/htpasswd alice', '  clientpemfile /x.pem'));
    assert.deepEqual(errorsOf(r), ['TSM_E_UNSUPPORTED@3:9', 'TSM_E_UNSUPPORTED@4:9', 'TSM_E_UNSUPPORTED@5:27', 'TSM_E_UNSUPPORTED@6:3']);
  });
});

describe('free format', () => {
  test('statements in any order and on one line, noise words anywhere, keywords in any case', () => {
    const c = ok(loadMonitrc('SET DAEMON 10 check process web with pidfile /run/web.pid START PROGRAM = "/bin/web" group www IF CPU > 50% THEN ALERT check system box\n'));
    const web = c.services[0];
    assert.equal(c.cycleMs, 10_000);
    assert.deepEqual([web?.name, web?.groups, web?.start?.text, web?.rules.map((r) => r.text)], ['web', ['www'], '/bin/web', ['if does not exist then restart', 'IF CPU > 50% THEN ALERT']]);
    assert.equal(c.services[1]?.name, 'box');
  });

  test('check program: `program` is a noise word, but not after check', () => {
    const c = ok(loadMonitrc(l('check program job with path "/bin/true"', '  if status != 0 then alert')));
    assert.equal(c.services[0]?.type, 'program');
  });

  test('aliases: check device, process path, depend, match', () => {
    const c = ok(loadMonitrc(l('check device d with path /dev/sda1', 'check process p path /run/p.pid depend d', 'check process q match "q"')));
    assert.deepEqual(c.services.map((s) => [s.type, s.name, s.depends]), [['filesystem', 'd', []], ['process', 'p', ['d']], ['process', 'q', []]]);
  });

  test('a quoted service name may hold any character', () => {
    const c = ok(loadMonitrc(l('check process "web server (8080)" with pidfile "/run/web server.pid"')));
    assert.equal(c.services[0]?.name, 'web server (8080)');
  });

  test('a rule over several lines reports errors at their place in the file', () => {
    const r = loadMonitrc(l('check process web with pidfile /run/web.pid', '  if failed port 80', '     # a comment', '     protocol gopher', '  then restart'));
    assert.deepEqual(errorsOf(r), ['TSM_E_RULE_SYNTAX@4:15']);
  });

  test('a service keeps the position of its check statement and rules theirs', () => {
    const c = ok(loadMonitrc(l('set daemon 30', '', '  check process web with pidfile /run/web.pid', '    if cpu > 50% then alert')));
    const web = c.services[0];
    assert.deepEqual(web?.pos, { file: 'monitrc', line: 3, col: 3 });
    assert.deepEqual(web?.rules[1]?.pos, { file: 'monitrc', line: 4, col: 5 });
  });

  test('every error of the file is reported, not only the first', () => {
    const r = loadMonitrc(l('set daemon x', 'check process a with pidfile /a', '  mode sleepy', '  if cpu > 5 MB then alert', 'check file b', 'sett log x'));
    assert.deepEqual(errorsOf(r), ['TSM_E_MONITRC_SYNTAX@1:12', 'TSM_E_MONITRC_SYNTAX@3:8', 'TSM_E_RULE_UNIT@4:14', 'TSM_E_REQUIRED@5:1', 'TSM_E_MONITRC_SYNTAX@6:1']);
  });
});
