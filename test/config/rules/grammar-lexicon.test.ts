// Operators, noise words, units, rates, actions, else forms, restart limits, exec options.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ActionSpec, Operator, Rate } from '../../../src/model/rule.ts';
import { NOISE_WORDS } from '../../../src/config/rules/noise.ts';
import { assertFields, limitOf, parseOk, ruleOf } from './helpers.ts';

const OPERATORS: Array<[string, Operator]> = [
  ['>', '>'], ['gt', '>'], ['greater', '>'], ['greater than', '>'], ['is greater than', '>'], ['GT', '>'],
  ['more', '>'], ['more than', '>'], ['older', '>'], ['older than', '>'],
  ['>=', '>='], ['ge', '>='],
  ['<', '<'], ['lt', '<'], ['less', '<'], ['less than', '<'], ['newer', '<'], ['newer than', '<'],
  ['<=', '<='], ['le', '<='],
  ['=', '='], ['==', '='], ['eq', '='], ['equal', '='], ['equal to', '='], ['is', '='], ['', '='],
  ['!=', '!='], ['ne', '!='], ['notequal', '!='], ['not equal', '!='], ['<>', '!='],
];

describe('operators', () => {
  for (const [spelling, op] of OPERATORS) {
    test(`'${spelling}' is ${op}`, () => {
      assert.equal((ruleOf(`if children ${spelling} 5 then alert`).test as { op: Operator }).op, op);
      assert.equal((ruleOf(`if timestamp ${spelling} 5 minutes then alert`, 'file').test as { op: Operator }).op, op);
    });
  }
  test('operators written without spaces', () => {
    assertFields(ruleOf('if cpu>=50% then alert').test, { op: '>=', value: 50 }, 'cpu>=50%');
  });
});

describe('noise words are ignored anywhere', () => {
  const plain = ruleOf('if cpu > 50% for 3 cycles then alert');
  for (const word of NOISE_WORDS) {
    test(word, () => {
      const noisy = ruleOf(`if ${word} cpu ${word} > 50% ${word} 3 cycles then ${word} alert`);
      assert.deepEqual(noisy.test, plain.test);
      assert.deepEqual(noisy.rate, plain.rate);
      assert.deepEqual(noisy.action, plain.action);
    });
  }
  test('keywords are case-insensitive', () => {
    const shouting = ruleOf('IF CPU IS GREATER THAN 50% FOR 3 CYCLES THEN ALERT');
    assert.deepEqual(shouting.test, plain.test);
    assert.deepEqual(shouting.rate, plain.rate);
  });
});

describe('units', () => {
  const MB = 1024 ** 2;
  const sizes: Array<[string, number]> = [
    ['512 B', 512], ['512 b', 512], ['1 byte', 1], ['2 bytes', 2], ['4 KB', 4096], ['4 kB', 4096], ['4 kilobyte', 4096],
    ['4 kilobytes', 4096], ['3 MB', 3 * MB], ['3 megabyte', 3 * MB], ['3 megabytes', 3 * MB], ['2 GB', 2 * 1024 ** 3],
    ['2 gigabyte', 2 * 1024 ** 3], ['2 gigabytes', 2 * 1024 ** 3], ['1.5 GB', 1.5 * 1024 ** 3], ['64MB', 64 * MB],
  ];
  for (const [text, bytes] of sizes) {
    test(`size ${text}`, () => assertFields(ruleOf(`if size > ${text} then alert`, 'file').test, { bytes }, text));
  }
  const times: Array<[string, number]> = [
    ['500 ms', 0.5], ['500 millisecond', 0.5], ['1500 milliseconds', 1.5], ['30 s', 30], ['1 second', 1], ['30 seconds', 30],
    ['2 m', 120], ['1 minute', 60], ['5 minutes', 300], ['1 h', 3600], ['2 hour', 7200], ['3 hours', 10_800],
    ['1 day', 86_400], ['2 days', 172_800], ['1 month', 31 * 86_400], ['2 months', 62 * 86_400], ['5min', 300],
  ];
  for (const [text, seconds] of times) {
    test(`time ${text}`, () => assertFields(ruleOf(`if uptime > ${text} then alert`).test, { seconds }, text));
  }
  test('percent and %', () => {
    assertFields(ruleOf('if cpu > 50 percent then alert').test, { value: 50, unit: 'percent' }, 'percent');
    assertFields(ruleOf('if memory > 50% then alert').test, { value: 50, unit: 'percent' }, '%');
  });
});

describe('rates', () => {
  const rates: Array<[string, Rate]> = [
    ['', { count: 1, cycles: 1 }],
    ['for 3 cycles', { count: 3, cycles: 3 }],
    ['3 cycles', { count: 3, cycles: 3 }],
    ['for 1 cycle', { count: 1, cycles: 1 }],
    ['3 times within 5 cycles', { count: 3, cycles: 5 }],
    ['3 within 5 cycles', { count: 3, cycles: 5 }],
    ['3 5 cycles', { count: 3, cycles: 5 }],
    ['64 times within 64 cycles', { count: 64, cycles: 64 }],
    ['1 times within 64 cycles', { count: 1, cycles: 64 }],
  ];
  for (const [text, rate] of rates) {
    test(`'${text}'`, () => assert.deepEqual(ruleOf(`if cpu > 50% ${text} then alert`).rate, rate));
  }
});

describe('actions', () => {
  const actions: Array<[string, ActionSpec]> = [
    ['alert', { type: 'alert' }],
    ['alert reminder 3', { type: 'alert', reminder: 3 }],
    ['alert reminder on 3 cycles', { type: 'alert', reminder: 3 }],
    ['start', { type: 'start' }],
    ['stop', { type: 'stop' }],
    ['restart', { type: 'restart' }],
    ['unmonitor', { type: 'unmonitor' }],
    ['exec "/usr/local/bin/notify"', { type: 'exec', command: { text: '/usr/local/bin/notify', argv: ['/usr/local/bin/notify'] } }],
    ["exec '/bin/echo hi'", { type: 'exec', command: { text: '/bin/echo hi', argv: ['/bin/echo', 'hi'] } }],
    [
      'exec "/bin/sh -c \'kill $(cat /run/x.pid)\'" as uid www and gid staff with timeout 10 seconds repeat every 5 cycles',
      {
        type: 'exec',
        command: { text: "/bin/sh -c 'kill $(cat /run/x.pid)'", argv: ['/bin/sh', '-c', 'kill $(cat /run/x.pid)'], uid: 'www', gid: 'staff', timeoutMs: 10_000 },
        repeatEvery: 5,
      },
    ],
    ['exec "/x" as uid 1000 and gid 100', { type: 'exec', command: { text: '/x', argv: ['/x'], uid: 1000, gid: 100 } }],
    ['exec "/x" repeat every cycle', { type: 'exec', command: { text: '/x', argv: ['/x'] }, repeatEvery: 1 }],
    ['exec "/x" with timeout 500 ms', { type: 'exec', command: { text: '/x', argv: ['/x'], timeoutMs: 500 } }],
  ];
  for (const [text, action] of actions) {
    test(text, () => assert.deepEqual(ruleOf(`if cpu > 50% then ${text}`).action, action));
  }
});

describe('else forms', () => {
  const DEFAULT = { action: { type: 'alert' }, rate: { count: 1, cycles: 1 } };
  const forms: Array<[string, string, object]> = [
    ['if cpu > 50% then restart', 'process', DEFAULT],
    ['if cpu > 50% then restart else alert', 'process', DEFAULT],
    ['if cpu > 50% then restart else exec "/x"', 'process', { action: { type: 'exec', command: { text: '/x', argv: ['/x'] } }, rate: { count: 1, cycles: 1 } }],
    ['if cpu > 50% then alert else ignore', 'process', { action: { type: 'ignore' }, rate: { count: 1, cycles: 1 } }],
    ['if cpu > 50% then alert else if succeeded then ignore', 'process', { action: { type: 'ignore' }, rate: { count: 1, cycles: 1 } }],
    ['if cpu > 50% then alert else if passed for 3 cycles then exec "/ok"', 'process', { action: { type: 'exec', command: { text: '/ok', argv: ['/ok'] } }, rate: { count: 3, cycles: 3 } }],
    ['if failed port 80 then restart else if recovered 2 times within 3 cycles then alert', 'process', { action: { type: 'alert' }, rate: { count: 2, cycles: 3 } }],
    ['if succeeded port 23 then alert else if failed then ignore', 'host', { action: { type: 'ignore' }, rate: { count: 1, cycles: 1 } }],
    ['if link up then alert else if failed 2 cycles then stop', 'network', { action: { type: 'stop' }, rate: { count: 2, cycles: 2 } }],
  ];
  for (const [text, type, recovery] of forms) {
    test(text, () => assert.deepEqual(ruleOf(text, type as 'process').recovery, recovery));
  }
});

describe('restart limits', () => {
  const limits: Array<[string, number, number, ActionSpec]> = [
    ['if 3 restarts within 5 cycles then unmonitor', 3, 5, { type: 'unmonitor' }],
    ['if 1 restart within 1 cycle then timeout', 1, 1, { type: 'unmonitor' }],
    ['if 5 restarts 5 cycles then alert', 5, 5, { type: 'alert' }],
    ['if 2 restarts within 10 cycles then exec "/page-me"', 2, 10, { type: 'exec', command: { text: '/page-me', argv: ['/page-me'] } }],
    ['if 10 restarts within 100 cycles then stop', 10, 100, { type: 'stop' }],
  ];
  for (const [text, count, cycles, action] of limits) {
    test(text, () => {
      const l = limitOf(text);
      assert.deepEqual({ count: l.count, cycles: l.cycles, action: l.action, id: l.id }, { count, cycles, action, id: text.toLowerCase() });
    });
  }
});

describe('ignore content', () => {
  for (const [text, op, pattern] of [
    ['ignore content = "^DEBUG"', '=', '^DEBUG'],
    ['ignore content != "x"', '!=', 'x'],
    ['ignore match "noise"', '=', 'noise'],
    ['ignore not match "keep"', '!=', 'keep'],
  ] as const) {
    test(text, () => {
      const p = parseOk(text, 'file')[0];
      assert.ok(p?.type === 'ignoreContent');
      assert.deepEqual({ op: p.ignore.op, pattern: p.ignore.pattern, text: p.ignore.text }, { op, pattern, text });
    });
  }
});

describe('rule identity', () => {
  test('id is the text in lower case with whitespace collapsed; text is trimmed; pos is the first character', () => {
    const r = ruleOf('  If CPU  >  50%\tthen   ALERT  ');
    assert.equal(r.id, 'if cpu > 50% then alert');
    assert.equal(r.text, 'If CPU  >  50%\tthen   ALERT');
    assert.deepEqual(r.pos, { file: 'rules.yml', line: 1, col: 3 });
  });
});
