// loadConfigFile: reading files, following includes, permissions, the monit-syntax branch.
import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { LoadEnvironment, LoadResult } from '../../src/model/config.ts';
import { loadConfigFile } from '../../src/config/load.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/config/', import.meta.url));
const env: LoadEnvironment = { home: '/home/ops', isRoot: false, hostname: 'web01', cwd: FIXTURES };

const diag = (r: LoadResult, kind: 'errors' | 'warnings'): string[] =>
  (kind === 'errors' ? (r.ok ? [] : r.errors) : r.warnings).map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.col} ${d.code}`);

describe('includes from disk', () => {
  test('globs relative to the including file, nested includes, directories and non-matching names skipped', async () => {
    const r = await loadConfigFile('good/main.yml', env);
    assert.ok(r.ok, diag(r, 'errors').join('\n'));
    assert.deepEqual(r.config.services.map((s) => [s.name, s.pos.file]), [
      ['web01', 'good/main.yml'],
      ['web', 'good/conf.d/a-web.yml'],
      ['db', 'good/conf.d/b-db.yml'],
      ['nested-log', 'good/extra/nested.yml'],
      ['leaf-dir', 'good/leaf/c.yml'],
    ]);
    assert.deepEqual(r.config.files, [
      join(FIXTURES, 'good/main.yml'),
      join(FIXTURES, 'good/conf.d/a-web.yml'),
      join(FIXTURES, 'good/conf.d/b-db.yml'),
      join(FIXTURES, 'good/extra/nested.yml'),
      join(FIXTURES, 'good/leaf/c.yml'),
    ]);
    assert.equal(r.config.cycleMs, 10_000, 'the directory named dir.yml was not read as a file');
    assert.deepEqual(r.warnings, []);
  });

  test('an include loop is skipped with a warning', async () => {
    const r = await loadConfigFile('bad/loop/main.yml', env);
    assert.ok(r.ok, diag(r, 'errors').join('\n'));
    assert.deepEqual(r.config.services.map((s) => s.name), ['box', 'other']);
    assert.deepEqual(diag(r, 'warnings'), ['bad/loop/main.yml:1:10 TSM_W_INCLUDE_LOOP', 'bad/loop/other.yml:1:10 TSM_W_INCLUDE_LOOP']);
  });

  test('a missing file is an error, a glob matching nothing a warning', async () => {
    const r = await loadConfigFile('bad/include-missing.yml', env);
    assert.deepEqual(diag(r, 'errors'), ['bad/include-missing.yml:2:5 TSM_E_INCLUDE']);
    assert.deepEqual(diag(r, 'warnings'), ['bad/include-missing.yml:3:5 TSM_W_INCLUDE_EMPTY']);
  });

  test('errors inside an included file carry that file and position', async () => {
    const r = await loadConfigFile('bad/include-broken.yml', env);
    assert.deepEqual(diag(r, 'errors'), ['bad/broken/one.yml:5:20 TSM_E_RULE_UNIT']);
  });

  test('an included monit-syntax file contributes its checks', async () => {
    const r = await loadConfigFile('bad/include-monitrc.yml', env);
    assert.ok(r.ok, diag(r, 'errors').join('\n'));
    assert.deepEqual(r.config.services.map((s) => [s.type, s.name]), [['process', 'web']]);
  });

  test('a fixture with several errors reports all of them', async () => {
    const r = await loadConfigFile('bad/several.yml', env);
    assert.deepEqual(diag(r, 'errors').sort(), [
      'bad/several.yml:11:12 TSM_E_RULE_NOT_FOR_TYPE',
      'bad/several.yml:12:12 TSM_E_RULE_NOT_FOR_TYPE',
      'bad/several.yml:12:22 TSM_E_RULE_RATE',
      'bad/several.yml:2:9 TSM_E_VALUE',
      'bad/several.yml:3:1 TSM_E_UNKNOWN_KEY',
      'bad/several.yml:7:5 TSM_E_VALUE',
      'bad/several.yml:8:11 TSM_E_DUPLICATE_SERVICE',
    ]);
  });
});

describe('reading the main file', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsmonit-config-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a file that cannot be read is one error at 1:1', async () => {
    const r = await loadConfigFile(join(dir, 'absent.yml'), env);
    assert.deepEqual(diag(r, 'errors'), [`${join(dir, 'absent.yml')}:1:1 TSM_E_FILE_READ`]);
  });

  test('a file not named .yml/.yaml is read as a monit control file', async () => {
    const file = join(dir, 'monitrc');
    await writeFile(file, 'set daemon 30\n');
    const r = await loadConfigFile(file, env);
    assert.ok(r.ok, diag(r, 'errors').join('\n'));
    assert.equal(r.config.cycleMs, 30_000);
  });

  test('passwords in a file readable by others give a warning at the httpd section', async () => {
    const file = join(dir, 'secret.yml');
    await writeFile(file, 'daemon: 5\nhttpd:\n  allow: [admin:secret]\nchecks: []\n');
    await chmod(file, 0o644);
    const loose = await loadConfigFile(file, env);
    assert.ok(loose.ok);
    assert.deepEqual(diag(loose, 'warnings'), [`${file}:2:1 TSM_W_PERMISSIONS`]);
    await chmod(file, 0o600);
    assert.deepEqual(diag(await loadConfigFile(file, env), 'warnings'), []);
  });

  test('a readable file without passwords gives no warning', async () => {
    const file = join(dir, 'open.yml');
    await writeFile(file, 'httpd:\n  allow: [{ htpasswd: /etc/htpasswd }]\nchecks: []\n');
    await chmod(file, 0o644);
    assert.deepEqual(diag(await loadConfigFile(file, env), 'warnings'), []);
  });
});
