// Rules that must not parse: each gives its code at the exact column of the offending token.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ErrorCode } from '../../../src/model/errors.ts';
import type { ServiceType } from '../../../src/model/service.ts';
import { parseRule } from '../../../src/config/rules/index.ts';

const POS = { file: 'x.yml', line: 7, col: 9 };

/** text, type, code, the column (1-based) inside the rule text, a fragment of the message. */
const BAD: Array<[string, ServiceType, ErrorCode, number, string]> = [
  ['if cpu > 5 MB then alert', 'process', 'TSM_E_RULE_UNIT', 12, "'MB' is not a unit for cpu"],
  ['if changed pid then alert', 'host', 'TSM_E_RULE_NOT_FOR_TYPE', 4, "'changed pid' is not a test for a host check"],
  ['if cpu > 50% 5 times within 3 cycles then alert', 'process', 'TSM_E_RULE_RATE', 14, 'rate 5 within 3 cycles'],
  ['if cpu > 50% for 65 cycles then alert', 'process', 'TSM_E_RULE_RATE', 18, 'out of range'],
  ['if cpu > 50% for 0 cycles then alert', 'process', 'TSM_E_RULE_RATE', 18, 'out of range'],
  ['if cpu > 50% then ignore', 'process', 'TSM_E_RULE_SYNTAX', 19, "'ignore' is only allowed as the else action"],
  ['if cpu > 50% restart', 'process', 'TSM_E_RULE_SYNTAX', 14, "expected 'then' but found 'restart'"],
  ['if cpu then alert', 'process', 'TSM_E_RULE_SYNTAX', 8, "expected a number for cpu but found 'then'"],
  ['if foo > 3 then alert', 'process', 'TSM_E_RULE_SYNTAX', 4, "expected a test (cpu, memory"],
  ['cpu > 50% then alert', 'process', 'TSM_E_RULE_SYNTAX', 1, "expected 'if' or 'ignore' but found 'cpu'"],
  ['if cpu > 50% then reboot', 'process', 'TSM_E_RULE_SYNTAX', 19, "expected an action (alert, start, stop, restart, unmonitor, exec) but found 'reboot'"],
  ['if cpu > 50% then monitor', 'process', 'TSM_E_RULE_SYNTAX', 19, "but found 'monitor'"],
  ['if cpu > 50% then alert else if failed then alert', 'process', 'TSM_E_RULE_SYNTAX', 33, "expected 'succeeded' or 'passed' or 'recovered' but found 'failed'"],
  ['if succeeded port 22 then alert else if succeeded then alert', 'host', 'TSM_E_RULE_SYNTAX', 41, "expected 'failed' but found 'succeeded'"],
  ['if cpu > 50% then alert restart', 'process', 'TSM_E_RULE_SYNTAX', 25, "expected 'else' or end of rule but found 'restart'"],
  ['if cpu > 50% then alert else', 'process', 'TSM_E_RULE_SYNTAX', 29, 'but found end of rule'],
  ['if cpu > 50%', 'process', 'TSM_E_RULE_SYNTAX', 13, "expected 'then' but found end of rule"],
  ['if content = "(" then alert', 'file', 'TSM_E_REGEX', 14, 'Invalid regular expression'],
  ['if failed port 80 send "x" expect "[" then alert', 'process', 'TSM_E_REGEX', 35, 'Invalid regular expression'],
  ['if failed port 80 then exec ""', 'process', 'TSM_E_COMMAND', 29, 'the command is empty'],
  ['if failed port 80 then exec "  "', 'process', 'TSM_E_COMMAND', 29, 'the command is empty'],
  ['if 5 restarts within 3 cycles then unmonitor', 'process', 'TSM_E_RULE_RATE', 4, '5 restarts within 3 cycles'],
  ['if 2 restarts within 3 cycles then ignore', 'process', 'TSM_E_RULE_SYNTAX', 36, "'ignore' is only allowed"],
  ['if failed port 99999 then alert', 'host', 'TSM_E_VALUE', 16, 'port 99999 is out of range'],
  ['if failed port 80 protocol gopher then alert', 'host', 'TSM_E_RULE_SYNTAX', 28, "expected a protocol name (apache-status"],
  ['if memory > 50 then alert', 'process', 'TSM_E_RULE_UNIT', 13, 'memory needs a unit (% or B, KB, MB, GB)'],
  ['if children > 5 % then alert', 'process', 'TSM_E_RULE_UNIT', 17, "'%' is not a unit for children"],
  ['if uptime > 5 MB then alert', 'process', 'TSM_E_RULE_UNIT', 15, "'MB' is not a unit for uptime"],
  ['if size > 5 seconds then alert', 'file', 'TSM_E_RULE_UNIT', 13, "'seconds' is not a unit for size"],
  ['if space > 5 then alert', 'filesystem', 'TSM_E_RULE_UNIT', 12, 'space needs a unit'],
  ['if memory > 5 MB/s then alert', 'process', 'TSM_E_RULE_UNIT', 15, "'MB/s' is not a unit for memory"],
  ['if cpu user > 5% then alert', 'process', 'TSM_E_RULE_NOT_FOR_TYPE', 4, "'cpu user' is not a test for a process check"],
  ['if cpu > 5% then alert', 'file', 'TSM_E_RULE_NOT_FOR_TYPE', 4, "'cpu' is not a test for a file check"],
  ['if failed ping then alert', 'process', 'TSM_E_RULE_NOT_FOR_TYPE', 4, "'ping' is not a test for a process check"],
  ['if does not exist then alert', 'host', 'TSM_E_RULE_NOT_FOR_TYPE', 9, "'does not exist' is not a test for a host check"],
  ['if status > 0 then alert', 'process', 'TSM_E_RULE_NOT_FOR_TYPE', 4, "'status' is not a test"],
  ['ignore content = "x"', 'process', 'TSM_E_RULE_NOT_FOR_TYPE', 1, "'ignore content' is not for a process check"],
  ['if loadavg (2min) > 1 then alert', 'system', 'TSM_E_RULE_SYNTAX', 13, 'expected a load average period'],
  ['if failed port 80 send "\\0x4" then alert', 'process', 'TSM_E_RULE_SYNTAX', 25, 'unbalanced escape sequence'],
  ['if content = "abc then alert', 'file', 'TSM_E_RULE_SYNTAX', 14, 'unterminated string'],
  ['if succeeded uid root then alert', 'process', 'TSM_E_RULE_SYNTAX', 14, "expected a connection test (host, port, unixsocket, url, ping) but found 'uid'"],
  ['if link sideways then alert', 'network', 'TSM_E_RULE_SYNTAX', 9, "expected 'down' or 'up' but found 'sideways'"],
  ['if failed permission 999 then alert', 'file', 'TSM_E_RULE_SYNTAX', 22, 'expected an octal permission'],
  ['if hardlinks > 2 then alert', 'file', 'TSM_E_UNSUPPORTED', 4, 'the hardlink test is not supported'],
  ['if cpu nice > 5% then alert', 'system', 'TSM_E_UNSUPPORTED', 8, 'cpu nice is not supported'],
  ['if failed port 80 address 10.0.0.1 then alert', 'host', 'TSM_E_UNSUPPORTED', 19, "a source 'address'"],
  ['if cpu > 50% then exec "/bin/x" repeat every 0 cycles', 'process', 'TSM_E_VALUE', 46, 'repeat must be at least 1'],
  ['if cpu > 50% then alert reminder 0', 'process', 'TSM_E_VALUE', 34, 'reminder must be at least 1'],
  ['if cpu > 50% then alert else if succeeded 3 times within 2 cycles then alert', 'process', 'TSM_E_RULE_RATE', 43, 'rate 3 within 2 cycles'],
  ['if failed url ftp://example.com/ then alert', 'host', 'TSM_E_VALUE', 15, 'is not an http or https URL'],
  ['if failed ping count 50 then alert', 'host', 'TSM_E_VALUE', 22, 'ping count 50 is out of range'],
  ['if failed port 80 type sctp then alert', 'host', 'TSM_E_RULE_SYNTAX', 24, "expected 'tcp' or 'udp' or 'tcpssl' but found 'sctp'"],
  ['if failed port 443 ssl { verify: enable } then alert', 'host', 'TSM_E_UNSUPPORTED', 24, 'per-test ssl options'],
  ['if cpu >> 5% then alert', 'process', 'TSM_E_RULE_SYNTAX', 8, "expected an operator"],
];

describe('bad rules', () => {
  for (const [text, type, code, col, message] of BAD) {
    test(`${type}: ${text}`, () => {
      const r = parseRule(text, { serviceType: type, pos: POS });
      assert.equal(r.parsed.length, 0, 'a bad rule yields no parsed rule');
      const first = r.errors[0];
      assert.ok(first, 'an error is reported');
      assert.deepEqual({ code: first.code, line: first.pos.line, col: first.pos.col }, { code, line: 7, col: POS.col + col - 1 });
      assert.ok(first.message.includes(message), `message: ${first.message}`);
      assert.equal(first.severity, 'error');
    });
  }
});

describe('several problems in one rule are all reported', () => {
  test('a bad unit and a bad rate', () => {
    const r = parseRule('if cpu > 5 MB for 65 cycles then alert', { serviceType: 'process', pos: POS });
    assert.deepEqual(r.errors.map((e) => [e.code, e.pos.col]), [['TSM_E_RULE_UNIT', 20], ['TSM_E_RULE_RATE', 27]]);
  });
  test('a test not for the type, a unit and a rate', () => {
    const r = parseRule('if size > 5 seconds 9 within 3 cycles then alert', { serviceType: 'host', pos: POS });
    assert.deepEqual(r.errors.map((e) => e.code), ['TSM_E_RULE_NOT_FOR_TYPE', 'TSM_E_RULE_UNIT', 'TSM_E_RULE_RATE']);
  });
});

describe('positions in multi-line rule text', () => {
  test('an error on the second line reports that line and its column', () => {
    const r = parseRule('if cpu > 50%\n    restart', { serviceType: 'process', pos: POS });
    assert.deepEqual(r.errors.map((e) => [e.pos.line, e.pos.col]), [[8, 5]]);
  });
});
