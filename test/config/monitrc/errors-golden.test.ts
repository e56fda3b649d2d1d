// Must show 3: broken monit control files and the exact messages tsmonit prints for them
// (`FILE:LINE:COL: message (CODE)`, every error of the file). Each bad/NAME.monitrc has its
// bad/NAME.expected. The file-permission warning depends on the checkout's umask and is left out.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { loadConfigFile } from '../../../src/config/load.ts';
import { formatDiagnostic } from '../../../src/model/errors.ts';
import { CORPUS, ENV } from './helpers.ts';

const BAD = join(CORPUS, 'bad');
const files = (await readdir(join(ENV.cwd, BAD))).filter((f) => f.endsWith('.monitrc')).sort();

describe('error messages of broken monit control files (golden)', () => {
  test('at least 20 broken files', () => {
    assert.ok(files.length >= 20, `only ${files.length}`);
  });

  for (const f of files) {
    test(f, async () => {
      const r = await loadConfigFile(join(BAD, f), ENV);
      const got = [...(r.ok ? [] : r.errors), ...r.warnings].filter((d) => d.code !== 'TSM_W_PERMISSIONS').map(formatDiagnostic);
      const expected = (await readFile(join(ENV.cwd, BAD, f.replace(/\.monitrc$/, '.expected')), 'utf8')).split('\n').filter((x) => x !== '');
      assert.deepEqual(got, expected);
      assert.ok(got.length > 0, 'a golden file says something');
    });
  }

  test('every file but the warnings-only ones fails to load', async () => {
    const warningsOnly = ['include-loop.monitrc', 'keyword-password-warning.monitrc'];
    for (const f of files) {
      const r = await loadConfigFile(join(BAD, f), ENV);
      assert.equal(r.ok, warningsOnly.includes(f), f);
    }
  });
});
