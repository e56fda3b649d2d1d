// "One model, two spellings": each monit statement and its YAML twin (config.md "The monit spelling",
// "Alerts") load into the same model.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lines as l, loadMonitrc, loadYaml, ok, placeless } from './helpers.ts';

/** name, monitrc text, YAML text. */
const TWINS: Array<[string, string, string]> = [
  ['set daemon with start delay', l('set daemon 30 with start delay 10'), l('daemon: 30', 'start_delay: 10', 'checks: []')],
  ['no set daemon is one pass', l('set log /var/log/tsmonit.log'), l('daemon: false', 'log: /var/log/tsmonit.log', 'checks: []')],
  ['log, pidfile, statefile, onreboot', l('set daemon 60', 'set logfile syslog', 'set pidfile /run/tsmonit.pid', 'set statefile /var/lib/tsmonit/state', 'set onreboot laststate'),
    l('daemon: 60', 'log: syslog', 'pidfile: /run/tsmonit.pid', 'statefile: /var/lib/tsmonit/state', 'onreboot: laststate', 'checks: []')],
  ['limits and expectbuffer', l('set daemon 5', 'set limits { programOutput: 1 kB, networkTimeout: 2 seconds, startTimeout: 90 s }', 'set expectbuffer 1 kB'),
    l('daemon: 5', 'limits: { program_output: 1 KB, network_timeout: 2s, start_timeout: 90s, send_expect_buffer: 1024 }', 'checks: []')],
  ['held statements', l('set daemon 30', 'set idfile /var/lib/monit/id', 'set eventqueue basedir /var/lib/monit/events slots 100', 'set ssl { verify: enable, selfsigned: allow }',
    'set log syslog facility log_local0', 'set terminal batch', 'set fips'),
  l('daemon: 30', 'idfile: /var/lib/monit/id', 'eventqueue: { basedir: /var/lib/monit/events, slots: 100 }', 'ssl: { verify: enable, selfsigned: allow }',
    'log: syslog', 'log_facility: log_local0', 'terminal: batch', 'fips: true', 'checks: []')],
  ['set mmonit', l('set mmonit http://monit:monit@10.0.0.1:8080/collector with timeout 30 seconds and register without credentials'),
    l('daemon: false', 'mmonit: { urls: ["http://monit:monit@10.0.0.1:8080/collector"], timeoutMs: 30000, registerCredentials: false }', 'checks: []')],
  ['httpd: every allow form', l('set daemon 30', 'set httpd port 2812 and use address 127.0.0.1',
    '  allow localhost allow 10.0.0.0/8 allow 192.168.1.0/255.255.255.0 allow admin:"secret" allow guest:guest read-only allow md5 /etc/monit/htpasswd'),
  l('daemon: 30', 'httpd:', '  port: 2812', '  address: 127.0.0.1', '  allow:', '    - localhost', '    - 10.0.0.0/8', '    - 192.168.1.0/255.255.255.0',
    '    - admin:secret', '    - guest:guest readonly', '    - { htpasswd: /etc/monit/htpasswd, readonly: false }', 'checks: []')],
  ['httpd: read-only listener, ssl pemfile, no address is every interface', l('set daemon 30', 'set httpd port 8443 read-only with ssl { pemfile: /etc/monit/monit.pem } allow ops:"two words"'),
    l('daemon: 30', 'httpd:', '  port: 8443', '  address: 0.0.0.0', '  ssl: { cert: /etc/monit/monit.pem, key: /etc/monit/monit.pem }', '  allow:', '    - { user: ops, password: two words, readonly: true }', 'checks: []')],
  ['httpd unixsocket is the control socket', l('set daemon 30', 'set httpd unixsocket /run/monit.sock'), l('daemon: 30', 'control_socket: /run/monit.sock', 'checks: []')],
  ['set mailserver: a list, port, credentials, tls, timeout, hostname', l('set daemon 30',
    'set mailserver mail.example.com port 587 username "monit" password "s3cret" using tls { verify: enable },',
    '               backup.example.com, localhost with timeout 15 seconds using hostname "monit.example.com"'),
  l('daemon: 30', 'mailserver:', '  - { host: mail.example.com, port: 587, username: monit, password: s3cret, tls: true, verify: true, timeout: 15s, ehlo: monit.example.com }',
    '  - { host: backup.example.com, port: 25, timeout: 15s, ehlo: monit.example.com }', '  - { host: localhost, port: 25, timeout: 15s, ehlo: monit.example.com }', 'checks: []')],
  ['set alert: plain, only on, but not on, reminder, own mail-format', l('set daemon 30', 'set alert ops@example.com', 'set alert sec@example.com only on { checksum, permission }',
    'set alert boss@example.com but not on { instance action } with reminder on 10 cycles', 'set alert dev@example.com with mail-format { subject: [dev] $SERVICE $EVENT }'),
  l('daemon: 30', 'alerts:', '  - email: ops@example.com', '  - { email: sec@example.com, only_on: [checksum, permission] }',
    '  - { email: boss@example.com, but_not_on: [instance, action], reminder: 10 }', '  - { email: dev@example.com, mail_format: { subject: "[dev] $SERVICE $EVENT" } }', 'checks: []')],
  ['set mail-format', l('set daemon 30', 'set mail-format {', '  from: Monit <monit@$HOST>', '  reply-to: ops@example.com', '  subject: $SERVICE $EVENT at $DATE',
    '  message: $EVENT on $HOST:', '  $DESCRIPTION', '}'),
  l('daemon: 30', 'mail_format:', '  from: Monit <monit@$HOST>', '  reply_to: ops@example.com', '  subject: $SERVICE $EVENT at $DATE', '  message: "$EVENT on $HOST:\\n  $DESCRIPTION"', 'checks: []')],
  ['a check: start/stop with uid, gid and timeout, group, depends, mode, onreboot, alerts', l('set daemon 30',
    'check process web with pidfile /run/web.pid',
    '  start program = "/etc/init.d/web start" as uid www-data and gid www-data with timeout 60 seconds',
    '  stop program = "/etc/init.d/web stop"',
    '  group www', '  group frontend', '  depends on db, cache', '  mode passive', '  onreboot nostart',
    '  alert web@example.com not { instance }', '  noalert ops@example.com',
    '  if failed port 80 protocol http then restart',
    'check process db with pidfile /run/db.pid', 'check process cache matching "memcached"'),
  l('daemon: 30', 'checks:', '  - process: web', '    pidfile: /run/web.pid',
    '    start: { program: "/etc/init.d/web start", uid: www-data, gid: www-data, timeout: 60s }', '    stop: /etc/init.d/web stop',
    '    group: [www, frontend]', '    depends: [db, cache]', '    mode: passive', '    onreboot: nostart',
    '    alerts: [{ email: web@example.com, but_not_on: [instance] }]', '    noalert: ops@example.com',
    '    rules: ["if failed port 80 protocol http then restart"]',
    '  - process: db', '    pidfile: /run/db.pid', '  - process: cache', '    matching: memcached')],
  ['every cycles, every cron, not every, mode manual', l('check system box every 2 cycles', 'check host gw with address 10.0.0.1 every "*/5 8-19 * * 1-5"',
    '  if failed ping then alert', 'check file f with path /etc/f not every "* 0-3 * * 0" mode manual'),
  l('daemon: false', 'checks:', '  - system: box', '    every: 2', '  - host: gw', '    address: 10.0.0.1', '    every: "*/5 8-19 * * 1-5"', '    rules: [if failed ping then alert]',
    '  - file: f', '    path: /etc/f', '    not_every: "* 0-3 * * 0"', '    mode: manual')],
  ['check program with uid, gid and timeout; filesystem; fifo; directory; network', l(
    'check program job with path "/usr/local/bin/job --check" as uid nobody and gid nogroup with timeout 20 seconds', '  if status != 0 then alert',
    'check filesystem root with path /', 'check device data with path /dev/sdb1', 'check fifo pipe with path /run/pipe', 'check directory spool with path /var/spool',
    'check network eth0 with interface eth0', 'check network lan with address 192.168.1.10'),
  l('daemon: false', 'checks:', '  - program: job', '    path: /usr/local/bin/job --check', '    uid: nobody', '    gid: nogroup', '    timeout: 20s', '    rules: ["if status != 0 then alert"]',
    '  - filesystem: root', '    path: /', '  - filesystem: data', '    path: /dev/sdb1', '  - fifo: pipe', '    path: /run/pipe', '  - directory: spool', '    path: /var/spool',
    '  - network: eth0', '    interface: eth0', '  - network: lan', '    address: 192.168.1.10')],
  ['rules: the same line in a block and in a rules entry', l('check process m with pidfile /run/m.pid',
    '  if failed host 127.0.0.1 port 11211 protocol memcache then restart', '  if cpu is greater than 40% for 2 cycles then alert',
    '  if cpu > 60% for 5 cycles then restart', '  if 10 restarts within 10 cycles then unmonitor',
    '  if totalmem > 200.0 MB for 5 cycles then exec "/usr/local/bin/dump" as uid nobody repeat every 3 cycles else if succeeded then alert',
    'check file log with path /var/log/app.log', '  ignore content = "DEBUG"', '  if content = "ERROR" then alert'),
  l('daemon: false', 'checks:', '  - process: m', '    pidfile: /run/m.pid', '    rules:', '      - if failed host 127.0.0.1 port 11211 protocol memcache then restart',
    '      - if cpu is greater than 40% for 2 cycles then alert', '      - if cpu > 60% for 5 cycles then restart', '      - if 10 restarts within 10 cycles then unmonitor',
    '      - if totalmem > 200.0 MB for 5 cycles then exec "/usr/local/bin/dump" as uid nobody repeat every 3 cycles else if succeeded then alert',
    '  - file: log', '    path: /var/log/app.log', '    rules:', '      - ignore content = "DEBUG"', '      - if content = "ERROR" then alert')],
  ['a rule written over lines with a comment is the one-line rule', l('check host web with address 10.0.0.5',
    '  if failed port 80', '     protocol http # the web server', '     request "/health"', '  then alert'),
  l('daemon: false', 'checks:', '  - host: web', '    address: 10.0.0.5', '    rules: [if failed port 80 protocol http request "/health" then alert]')],
  ['$HOST in a system check', l('check system $HOST'), l('daemon: false', 'checks:', '  - system: $HOST')],
];

describe('monit spelling and YAML twin give the same model', () => {
  for (const [name, monitrc, yaml] of TWINS) {
    test(name, () => {
      const a = ok(loadMonitrc(monitrc));
      const b = ok(loadYaml(yaml));
      assert.deepStrictEqual(placeless(a), placeless(b));
    });
  }
});
