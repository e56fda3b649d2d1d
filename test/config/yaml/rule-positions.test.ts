// A rule error inside YAML points at the column inside the rule string, whatever the scalar style.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { errorsOf, lines as l, load } from './helpers.ts';

const head = ['checks:', '  - process: web', '    pidfile: /run/web.pid', '    rules:'];

/** The offending token is `restart` (or `MB`) in every case; line:col is where it sits in the file. */
const CASES: Array<[string, string[], string]> = [
  ['plain block-sequence item', ['      - if cpu > 50% restart'], 'TSM_E_RULE_SYNTAX@5:22'],
  ['single-quoted item', ["      - 'if cpu > 50% restart'"], 'TSM_E_RULE_SYNTAX@5:23'],
  ['single-quoted with escaped quotes before', ["      - 'if cpu > 50% then exec ''/bin/x'' restart'"], 'TSM_E_RULE_SYNTAX@5:44'],
  ['double-quoted item', ['      - "if cpu > 50% restart"'], 'TSM_E_RULE_SYNTAX@5:23'],
  ['double-quoted with an escape before the error', ['      - "if\\tcpu > 50% restart"'], 'TSM_E_RULE_SYNTAX@5:24'],
  ['double-quoted with escaped quotes before the error', ['      - "if cpu > 5 MB then exec \\"/x\\""'], 'TSM_E_RULE_UNIT@5:21'],
  ['plain scalar folded over two lines', ['      - if cpu > 50%', '        restart'], 'TSM_E_RULE_SYNTAX@6:9'],
  ['folded block scalar', ['      - >-', '        if cpu > 50%', '        restart'], 'TSM_E_RULE_SYNTAX@7:9'],
  ['literal block scalar', ['      - |-', '        if cpu > 5 MB', '          then alert'], 'TSM_E_RULE_UNIT@6:20'],
  ['sequence not indented under the key', ['    - if cpu > 5 MB then alert'], 'TSM_E_RULE_UNIT@5:18'],
];

describe('rule error columns inside YAML scalars', () => {
  for (const [name, rules, expected] of CASES) {
    test(name, () => assert.deepEqual(errorsOf(load(l(...head, ...rules))), [expected]));
  }
  test('flow sequence item', () => {
    const text = l('checks:', '  - process: web', '    pidfile: /run/web.pid', '    rules: ["if cpu > 5 MB then alert", \'if cpu > 9 GB then alert\']');
    assert.deepEqual(errorsOf(load(text)), ['TSM_E_RULE_UNIT@4:25', 'TSM_E_RULE_UNIT@4:53']);
  });
  test('rule pos is the first character of the rule text in the file', () => {
    const r = load(l(...head, '      - "  if cpu > 50% then alert"', "      - 'if cpu > 60% then alert'"));
    assert.ok(r.ok);
    const web = r.config.services[0];
    assert.deepEqual(web?.rules.filter((x) => !x.implicit).map((x) => x.pos), [
      { file: 'tsmonit.yml', line: 5, col: 12 },
      { file: 'tsmonit.yml', line: 6, col: 10 },
    ]);
  });
});
