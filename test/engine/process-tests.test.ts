import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateCheck } from '../../src/engine/check.ts';
import { identityOutcome, uptimeOutcome } from '../../src/engine/process-tests.ts';
import type { Operator } from '../../src/model/rule.ts';
import { T0, figures, monitored, procObs, processSpec, rule, sysObs, systemSample, systemSpec } from './helpers.ts';

describe('uptime', () => {
  const cases: Array<[Operator, number, number, boolean]> = [
    ['<', 60, 30, true],
    ['<', 60, 3600, false],
    ['>', 86_400, 90_000, true],
    ['>=', 60, 60, true],
  ];
  for (const [op, seconds, uptime, failed] of cases) {
    test(`uptime ${uptime} s against ${op} ${seconds} s`, () => {
      const out = uptimeOutcome({ op, seconds }, uptime);
      assert.equal(out.kind === 'result' && out.failed, failed);
    });
  }

  test('a process check reads the process, a system check the system', () => {
    const r = rule({ kind: 'uptime', op: '<', seconds: 120 }, { id: 'up' });
    const p = processSpec({ rules: [r] });
    const pOut = evaluateCheck({ spec: p, state: monitored(p), observation: procObs(figures({ uptimeS: 30 })), now: T0 });
    assert.deepEqual(pOut.events.map((e) => [e.kind, e.state, e.message]), [['uptime', 'failed', 'uptime of 30 s matches limit [uptime < 120 s]']]);
    const s = systemSpec({ rules: [r] });
    const sOut = evaluateCheck({ spec: s, state: monitored(s), observation: sysObs(systemSample({ uptimeS: 60 })), now: T0 });
    assert.deepEqual(sOut.events.map((e) => [e.kind, e.state]), [['uptime', 'failed']]);
  });
});

describe('identity (uid, euid, gid)', () => {
  const f = figures({ uid: 33, euid: 0, gid: 44 });
  const cases: Array<{ field: 'uid' | 'euid' | 'gid'; expect: string | number; result: boolean | 'skip' }> = [
    { field: 'uid', expect: 33, result: false },
    { field: 'uid', expect: 0, result: true },
    { field: 'euid', expect: 0, result: false },
    { field: 'euid', expect: '33', result: true },
    { field: 'gid', expect: ' 44 ', result: false },
    { field: 'gid', expect: 45, result: true },
    { field: 'uid', expect: 'www-data', result: 'skip' },
  ];
  for (const c of cases) {
    test(`${c.field} expected ${JSON.stringify(c.expect)}`, () => {
      const out = identityOutcome({ kind: 'identity', field: c.field, expect: c.expect }, f);
      if (c.result === 'skip') {
        assert.equal(out.kind, 'skip');
        assert.match(out.kind === 'skip' ? (out.message ?? '') : '', /www-data/);
        return;
      }
      assert.equal(out.kind, 'result');
      assert.equal(out.kind === 'result' && out.failed, c.result);
    });
  }

  test('events are uid for uid and euid, gid for gid', () => {
    const rules = [
      rule({ kind: 'identity', field: 'euid', expect: 5 }, { id: 'euid' }),
      rule({ kind: 'identity', field: 'gid', expect: 5 }, { id: 'gid' }),
    ];
    const spec = processSpec({ rules });
    const out = evaluateCheck({ spec, state: monitored(spec), observation: procObs(f), now: T0 });
    assert.deepEqual(out.events.map((e) => e.kind), ['uid', 'gid']);
    assert.match(out.events[0]?.message ?? '', /euid test failed -- current euid is 0, expected 5/);
  });
});
