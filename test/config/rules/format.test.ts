// formatRule prints the canonical text; parsing it gives back an equal rule.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { ParsedRule } from '../../../src/model/rule.ts';
import type { ServiceType } from '../../../src/model/service.ts';
import { formatRule, parseRule } from '../../../src/config/rules/index.ts';
import { typesFor } from '../../../src/config/rules/applicability.ts';
import { canonical, parsedRule, type Canonical } from './arbitraries.ts';
import { parseOk } from './helpers.ts';

const AT = { file: 'f.yml', line: 1, col: 1 };

function typeFor(c: Canonical): ServiceType {
  if (c.type === 'ignoreContent') return 'file';
  if (c.type === 'restartLimit') return 'process';
  return typesFor(c.rule.test)[0] ?? 'process';
}

/** A model value dressed as a ParsedRule (id/text/pos are not part of the round trip). */
function dress(c: Canonical): ParsedRule {
  const base = { id: 'x', text: 'x' };
  if (c.type === 'rule') return { type: 'rule', rule: { ...base, ...c.rule } };
  if (c.type === 'restartLimit') return { type: 'restartLimit', limit: { ...base, ...c.limit } };
  return { type: 'ignoreContent', ignore: { text: 'x', ...c.ignore } };
}

describe('formatRule', () => {
  test('property: parse(formatRule(rule)) equals rule', () => {
    fc.assert(
      fc.property(parsedRule, (c) => {
        const printed = formatRule(dress(c));
        const r = parseRule(printed, { serviceType: typeFor(c), pos: AT });
        assert.deepEqual(r.errors, [], printed);
        assert.equal(r.parsed.length, 1, printed);
        assert.deepEqual(canonical(r.parsed[0] as ParsedRule), c, printed);
      }),
      { numRuns: 600 },
    );
  });

  test('property: formatRule is a fixed point on what users write', () => {
    const written = [
      'if cpu is greater than 95% 3 times within 5 cycles then restart',
      'IF MEMORY USAGE > 1.5 GB FOR 2 CYCLES THEN ALERT ELSE IF SUCCEEDED THEN EXEC "/bin/ok"',
      'if failed host 127.0.0.1 port 80 protocol http request "/" status = 200 with timeout 5 seconds then restart',
      'if 3 restarts within 5 cycles then timeout',
    ];
    for (const text of written) {
      const once = formatRule(parseOk(text)[0] as ParsedRule);
      const twice = formatRule(parseOk(once)[0] as ParsedRule);
      assert.equal(twice, once);
    }
  });

  const EXAMPLES: Array<[string, ServiceType, string]> = [
    ['if cpu is greater than 95% 3 times within 5 cycles then restart', 'process', 'if cpu > 95% 3 times within 5 cycles then restart'],
    ['if timestamp older than 300 seconds then alert', 'file', 'if timestamp > 5 minutes then alert'],
    ['if memory > 2048 MB for 1 cycle then alert', 'process', 'if memory > 2 GB then alert'],
    ['if 3 restarts within 5 cycles then timeout', 'process', 'if 3 restarts within 5 cycles then unmonitor'],
    ['if loadavg (5min) per core > 2 then alert', 'system', 'if loadavg (5min) per core > 2 then alert'],
    ['if failed port 443 ssl then alert else if succeeded for 2 cycles then ignore', 'host', 'if failed port 443 type tcpssl then alert else if succeeded for 2 cycles then ignore'],
    ['if link up then alert else exec "/x"', 'network', 'if link up then alert else exec "/x"'],
    ['if failed uid "is" then alert', 'process', 'if failed uid "is" then alert'],
    ['if content = "say \\"hi\\"" then alert', 'file', 'if content = "say \\"hi\\"" then alert'],
    ['if upload > 1024 kB/s then alert', 'network', 'if upload > 1 MB/s then alert'],
    ['if failed ping4 count 3 then alert', 'host', 'if failed ping4 count 3 then alert'],
    ['if cpu > 50% then exec "/x" as uid 0 with timeout 60 seconds repeat every 1 cycle', 'process', 'if cpu > 50% then exec "/x" as uid 0 with timeout 1 minute repeat every 1 cycle'],
  ];
  for (const [text, type, canon] of EXAMPLES) {
    test(`canonical text of: ${text}`, () => assert.equal(formatRule(parseOk(text, type)[0] as ParsedRule), canon));
  }
});
