import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseConfigText } from '../../src/config/load.ts';
import { checkReport } from '../../src/config/report.ts';
import { ENV, lines as l } from './yaml/helpers.ts';

describe('checkReport', () => {
  test('a good file: warnings, then the verdict', () => {
    const r = checkReport(parseConfigText(l('idfile: /var/lib/id', 'checks: []'), 'm.yml', ENV));
    assert.deepEqual(r, {
      ok: true,
      lines: [
        "m.yml:1:1: warning: 'idfile' is kept in the configuration but tsmonit does not act on it yet (TSM_W_NOT_ACTED_ON)",
        'Control file syntax OK',
      ],
    });
  });
  test('a bad file: every error and warning in file order, no verdict', () => {
    const r = checkReport(parseConfigText(l('mmonit: http://x', 'daemon: 10ms', 'checks:', '  - system: box', '    rules: ["if cpu > 50% restart"]'), 'm.yml', ENV));
    assert.deepEqual(r, {
      ok: false,
      lines: [
        "m.yml:1:1: warning: 'mmonit' is kept in the configuration but tsmonit does not act on it yet (TSM_W_NOT_ACTED_ON)",
        'm.yml:2:9: daemon must be at least 100 ms, not 10 ms (TSM_E_VALUE)',
        "m.yml:5:27: expected 'then' but found 'restart' (TSM_E_RULE_SYNTAX)",
      ],
    });
  });
});
