// Connection tests (monit.md 2.4) and protocols with their options (2.5).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ConnectionTest } from '../../../src/model/rule.ts';
import type { ServiceType } from '../../../src/model/service.ts';
import { PROTOCOLS } from '../../../src/config/rules/protocols.ts';
import { ruleOf } from './helpers.ts';

const CASES: Array<[string, ServiceType, Omit<ConnectionTest, 'kind'>]> = [
  ['if failed port 80 then restart', 'process', { target: { type: 'port', port: 80, socket: 'tcp' } }],
  ['if failed host 127.0.0.1 port 11211 protocol memcache then restart', 'process', {
    target: { type: 'port', host: '127.0.0.1', port: 11211, socket: 'tcp' }, protocol: { name: 'memcache', options: {} },
  }],
  ['if failed host db.example.com port 5432 ipv6 type tcp protocol pgsql username "mon" password "s3cret" database "app" then alert', 'host', {
    target: { type: 'port', host: 'db.example.com', port: 5432, socket: 'tcp', family: 'ipv6' },
    protocol: { name: 'pgsql', options: { username: 'mon', password: 's3cret', database: 'app' } },
  }],
  ['if failed port 53 ipv4 type udp protocol dns then alert', 'host', {
    target: { type: 'port', port: 53, socket: 'udp', family: 'ipv4' }, protocol: { name: 'dns', options: {} },
  }],
  ['if failed port 443 type tcpssl protocol https then alert', 'host', {
    target: { type: 'port', port: 443, socket: 'tcpssl' }, protocol: { name: 'https', options: {} },
  }],
  ['if failed port 443 ssl certificate valid > 30 days then alert', 'host', {
    target: { type: 'port', port: 443, socket: 'tcpssl' }, certificate: { validDays: 30 },
  }],
  ['if failed host mail.example.com port 993 type tcpssl sslauto protocol imap for 3 cycles then restart', 'host', {
    target: { type: 'port', host: 'mail.example.com', port: 993, socket: 'tcpssl' }, protocol: { name: 'imap', options: {} },
  }],
  ['if failed port 993 tls certificate checksum sha1 = 0A1B2C then alert', 'host', {
    target: { type: 'port', port: 993, socket: 'tcpssl' }, certificate: { checksum: '0A1B2C' },
  }],
  [
    'if failed port 8080 protocol http request "/health?full=1" method HEAD status >= 200 content != "down" hostheader "app.local" username "u" password "p" then restart',
    'process',
    {
      target: { type: 'port', port: 8080, socket: 'tcp' },
      protocol: {
        name: 'http',
        options: { request: '/health?full=1', method: 'HEAD', status: { op: '>=', value: 200 }, content: 'down', contentOp: '!=', hostheader: 'app.local', username: 'u', password: 'p' },
      },
    },
  ],
  ['if failed port 80 protocol http request /status checksum 8f3a then alert', 'host', {
    target: { type: 'port', port: 80, socket: 'tcp' }, protocol: { name: 'http', options: { request: '/status', checksum: '8f3a' } },
  }],
  ['if failed port 80 protocol http with http headers ["Host: www.example.com", "Accept: */*"] then alert', 'host', {
    target: { type: 'port', port: 80, socket: 'tcp' }, protocol: { name: 'http', options: { headers: 'Host: www.example.com\nAccept: */*' } },
  }],
  ['if failed port 80 protocol http headers [Host: a.example, Referer: b] then alert', 'host', {
    target: { type: 'port', port: 80, socket: 'tcp' }, protocol: { name: 'http', options: { headers: 'Host: a.example\nReferer: b' } },
  }],
  ['if failed port 80 protocol apache-status loglimit > 10% or waitlimit < 20% then alert', 'process', {
    target: { type: 'port', port: 80, socket: 'tcp' },
    protocol: { name: 'apache-status', options: { loglimit: { op: '>', value: 10 }, waitlimit: { op: '<', value: 20 } } },
  }],
  ['if failed port 5060 type udp protocol sip target "me@example.com" maxforward 10 then alert', 'host', {
    target: { type: 'port', port: 5060, socket: 'udp' }, protocol: { name: 'sip', options: { target: 'me@example.com', maxforward: 10 } },
  }],
  ['if failed port 25 send "HELO x\\r\\n" expect "^250" send "QUIT\\r\\n" then alert', 'process', {
    target: { type: 'port', port: 25, socket: 'tcp' },
    protocol: { name: 'generic', options: {}, sendExpect: [{ send: 'HELO x\r\n' }, { expect: '^250' }, { send: 'QUIT\r\n' }] },
  }],
  ['if failed port 9 send "\\0x00\\0xFFping" expect "pong\\0x00" then alert', 'host', {
    target: { type: 'port', port: 9, socket: 'tcp' },
    protocol: { name: 'generic', options: {}, sendExpect: [{ send: '\\0x00\\0xFFping' }, { expect: 'pong\\0x00' }] },
  }],
  ['if failed port 6379 protocol redis responsetime > 200 ms timeout 3 seconds retry 2 then restart', 'process', {
    target: { type: 'port', port: 6379, socket: 'tcp' }, protocol: { name: 'redis', options: {} },
    responseTime: { op: '>', ms: 200 }, timeoutMs: 3000, retry: 2,
  }],
  ['if failed port 22 protocol ssh with timeout 500 ms responsetime < 2 s then alert', 'host', {
    target: { type: 'port', port: 22, socket: 'tcp' }, protocol: { name: 'ssh', options: {} }, timeoutMs: 500, responseTime: { op: '<', ms: 2000 },
  }],
  ['if failed unixsocket /var/run/php.sock then restart', 'process', { target: { type: 'unix', path: '/var/run/php.sock', socket: 'tcp' } }],
  ['if failed unix "/run/app.sock" type udp protocol http then restart', 'process', {
    target: { type: 'unix', path: '/run/app.sock', socket: 'udp' }, protocol: { name: 'http', options: {} },
  }],
  ['if failed url http://user:pw@example.com:8080/x?y=1 content = "ok" timeout 10 seconds then alert', 'host', {
    target: { type: 'url', url: 'http://user:pw@example.com:8080/x?y=1' }, protocol: { name: 'http', options: { content: 'ok' } }, timeoutMs: 10_000,
  }],
  ['if failed url https://example.com/ then alert', 'process', { target: { type: 'url', url: 'https://example.com/' } }],
  ['if failed ping then alert', 'host', { target: { type: 'ping' } }],
  ['if failed ping count 5 size 128 timeout 2 seconds then alert', 'host', { target: { type: 'ping', count: 5, size: 128 }, timeoutMs: 2000 }],
  ['if failed ping4 responsetime > 100 ms then alert', 'host', { target: { type: 'ping', family: 'ipv4' }, responseTime: { op: '>', ms: 100 } }],
  ['if failed ping6 then alert', 'host', { target: { type: 'ping', family: 'ipv6' } }],
  ['if failed icmp type echo count 2 then alert', 'host', { target: { type: 'ping', count: 2 } }],
];

describe('connection tests', () => {
  for (const [text, type, expected] of CASES) {
    test(text, () => assert.deepEqual(ruleOf(text, type).test, { kind: 'connection', ...expected }));
  }
  test('succeeded inverts the test', () => {
    const r = ruleOf('if succeeded port 23 then alert', 'host');
    assert.equal(r.polarity, 'succeeded');
    assert.equal(ruleOf('if failed port 23 then alert', 'host').polarity, 'failed');
  });
  test('rate after connection options', () => {
    assert.deepEqual(ruleOf('if failed port 80 retry 3 for 2 cycles then alert', 'host').rate, { count: 2, cycles: 2 });
  });
});

describe('every monit protocol name is accepted', () => {
  for (const name of PROTOCOLS) {
    test(name, () => {
      const t = ruleOf(`if failed port 1000 protocol ${name.toUpperCase()} then alert`, 'host').test;
      assert.equal(t.kind === 'connection' && t.protocol?.name, name);
    });
  }
});
