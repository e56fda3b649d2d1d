// Rules as they appear in real monitrc files (Debian's conf-available snippets and common blocks) parse unchanged.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ServiceType } from '../../../src/model/service.ts';
import { parseRule } from '../../../src/config/rules/index.ts';

const RULES: Array<[ServiceType, string]> = [
  ['process', 'if failed host localhost port 11211 protocol memcache then restart'],
  ['process', 'if 5 restarts within 5 cycles then timeout'],
  ['process', 'if failed host localhost port 80 protocol HTTP request "/server-status" then restart'],
  ['process', 'if cpu > 60% for 2 cycles then alert'],
  ['process', 'if totalmem > 500.0 MB for 5 cycles then restart'],
  ['process', 'if children > 250 then restart'],
  ['process', 'if loadavg(5min) greater than 10 for 8 cycles then stop'],
  ['process', 'if failed unixsocket /var/run/mysqld/mysqld.sock protocol mysql then restart'],
  ['process', 'if failed host localhost port 22 with proto ssh then restart'],
  ['process', 'if failed host localhost port 25 with protocol smtp for 2 times within 3 cycles then restart'],
  ['process', 'if failed port 53 use type udp protocol dns then alert'],
  ['host', 'if failed port 443 protocol https and certificate valid > 30 days then alert'],
  ['host', 'if failed url http://www.example.com/ and content == "data" then alert'],
  ['process', 'if failed host 127.0.0.1 port 161 type udp then restart'],
  ['file', 'if failed permission 755 then unmonitor'],
  ['file', 'if failed uid root then unmonitor'],
  ['file', 'if failed gid root then unmonitor'],
  ['file', 'if changed timestamp then alert'],
  ['file', 'if failed checksum then unmonitor'],
  ['filesystem', 'if space usage > 80% for 5 times within 15 cycles then alert'],
  ['filesystem', 'if inode usage > 80% then alert'],
  ['program', 'if status != 0 for 3 cycles then alert'],
  ['process', 'if failed host 192.168.1.1 port 3306 protocol mysql username "foo" password "bar" then alert'],
  ['process', 'if failed port 80 protocol http and request "/" with content = "ok" then alert'],
  ['host', 'if failed icmp type echo count 3 with timeout 3 seconds then alert'],
  ['process', 'if does not exist for 3 cycles then restart'],
  ['system', 'if loadavg (1min) > 4 then alert'],
  ['system', 'if memory usage > 75% then alert'],
  ['system', 'if cpu usage (user) > 70% then alert'],
  ['system', 'if swap usage > 25% then alert'],
];

describe('real-world rules parse', () => {
  for (const [type, text] of RULES) {
    test(text, () => {
      const r = parseRule(text, { serviceType: type, pos: { file: 'monitrc', line: 1, col: 1 } });
      assert.deepEqual(r.errors.map((e) => e.message), []);
      assert.ok(r.parsed.length > 0);
    });
  }
});
