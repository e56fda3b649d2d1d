// `tsmonit convert MONITRC`: convertMonitrcFile(file, env) -> YAML text with the comments where they sat.
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { convertMonitrcFile } from '../../../src/config/convert/index.ts';
import { ENV, lines as l } from './helpers.ts';

describe('convertMonitrcFile', () => {
  let dir = '';
  const env = (): typeof ENV => ({ ...ENV, cwd: dir });
  before(async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'tsmonit-convert-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('prints the YAML with each comment above the check, key or rule it was written above', async () => {
    await writeFile(join(dir, 'snippet'), l('# from the snippet', 'check system box'));
    await writeFile(join(dir, 'monitrc'), l(
      '## Global section', 'set daemon 120   # two minutes', 'set idfile /var/lib/monit/id', '',
      '# The web server', 'check process web with pidfile /run/web.pid',
      '  # how to start it', '  start program = "/etc/init.d/web start"',
      '  # it answers on 80', '  if failed port 80 protocol http then restart', '',
      'include snippet', '# the end of the file'));
    const r = await convertMonitrcFile('monitrc', env());
    assert.ok(r.ok);
    assert.equal(r.yaml, l(
      '# tsmonit convert monitrc', '',
      '## Global section', '# two minutes', 'daemon: 120',
      'idfile: /var/lib/monit/id',
      'checks:',
      '  # The web server', '  - process: web', '    pidfile: /run/web.pid', '    # how to start it', '    start: /etc/init.d/web start', '    rules:',
      '      # it answers on 80', '      - if failed port 80 protocol http then restart',
      '  # from snippet', '  # from the snippet', '  - system: box', '',
      '# monitrc:13: the end of the file'));
    assert.deepEqual(r.warnings.map((w) => `${w.code}@${w.pos.line}`), ['TSM_W_NOT_ACTED_ON@3']);
  });

  test('a file with errors gives every error and no YAML', async () => {
    await writeFile(join(dir, 'broken'), l('set daemon 0', 'check process web', 'check host db with address db', '  if changed pid then alert'));
    const r = await convertMonitrcFile('broken', env());
    assert.equal(r.ok, false);
    assert.deepEqual(r.ok ? [] : r.errors.map((e) => `${e.code}@${e.pos.line}:${e.pos.col}`), ['TSM_E_VALUE@1:12', 'TSM_E_REQUIRED@2:1', 'TSM_E_RULE_NOT_FOR_TYPE@4:6']);
  });

  test('a YAML file or a file that cannot be read is one error at 1:1', async () => {
    const yaml = await convertMonitrcFile('monitrc.yml', env());
    assert.deepEqual(yaml.ok ? [] : yaml.errors.map((e) => [e.code, e.pos.line, e.pos.col]), [['TSM_E_VALUE', 1, 1]]);
    const absent = await convertMonitrcFile('absent', env());
    assert.deepEqual(absent.ok ? [] : absent.errors.map((e) => [e.code, e.pos.line, e.pos.col]), [['TSM_E_FILE_READ', 1, 1]]);
  });
});
