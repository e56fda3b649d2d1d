// monit's include is textual: globs anywhere (inside a check block too), set statements in included
// files, loops skipped with a warning; YAML and monit files include each other.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfigFile } from '../../../src/config/load.ts';
import { CORPUS, ENV, errorsOf, lines as l, ok, warningsOf } from './helpers.ts';

describe('include', () => {
  let dir = '';
  const env = (): typeof ENV => ({ ...ENV, cwd: dir });
  before(async () => {
    dir = await mkdtemp(join(os.tmpdir(), 'tsmonit-include-'));
    await mkdir(join(dir, 'conf.d'));
    await mkdir(join(dir, 'with space'));
    await writeFile(join(dir, 'conf.d', 'a'), l('set daemon 30', 'check process a with pidfile /run/a.pid'));
    await writeFile(join(dir, 'conf.d', 'b'), l('check process b with pidfile /run/b.pid', '  include ../rules/*'));
    await mkdir(join(dir, 'rules'));
    await writeFile(join(dir, 'rules', 'cpu'), l('if cpu > 90% then alert'));
    await writeFile(join(dir, 'with space', 'c'), l('check system c'));
    await writeFile(join(dir, 'checks.yml'), l('checks:', '  - system: from-yaml'));
    await writeFile(join(dir, 'snippet'), l('check process s with pidfile /run/s.pid'));
    await writeFile(join(dir, 'snippet-with-set'), l('set daemon 5', 'check process t with pidfile /run/t.pid'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('included monit files are read in place: a later set statement wins, blocks continue', async () => {
    await writeFile(join(dir, 'main'), l('set daemon 120', 'include conf.d/*', 'include "with space/c"'));
    const c = ok(await loadConfigFile('main', env()));
    assert.equal(c.cycleMs, 30_000, 'conf.d/a sets the daemon after main did');
    assert.deepEqual(c.services.map((s) => s.name), ['a', 'b', 'c']);
    assert.deepEqual(c.services[1]?.rules.filter((r) => !r.implicit).map((r) => [r.text, r.pos?.file]), [['if cpu > 90% then alert', 'rules/cpu']]);
    assert.deepEqual(c.files, ['main', 'conf.d/a', 'conf.d/b', 'rules/cpu', 'with space/c'].map((f) => join(dir, f)));
    assert.deepEqual(c.include, [], 'spliced monit files are not YAML includes');
  });

  test('a set statement after the include wins over the included one', async () => {
    await writeFile(join(dir, 'main2'), l('include conf.d/a', 'set daemon 60'));
    assert.equal(ok(await loadConfigFile('main2', env())).cycleMs, 60_000);
  });

  test('a monit file includes a YAML file: its checks join, after the monit ones', async () => {
    await writeFile(join(dir, 'main3'), l('include checks.yml', 'check system local'));
    const c = ok(await loadConfigFile('main3', env()));
    assert.deepEqual(c.services.map((s) => s.name), ['local', 'from-yaml']);
    assert.deepEqual(c.include, [join(dir, 'checks.yml')]);
  });

  test('a YAML file includes a monit snippet: its checks join; a set statement there is refused', async () => {
    await writeFile(join(dir, 'main.yml'), l('daemon: 10', 'include: [snippet, snippet-with-set]', 'checks: []'));
    const r = await loadConfigFile('main.yml', env());
    assert.deepEqual(errorsOf(r), ['TSM_E_UNSUPPORTED@1:5']);
    assert.equal(r.ok ? '' : r.errors[0]?.pos.file, 'snippet-with-set');
    assert.match(r.ok ? '' : r.errors[0]?.message ?? '', /global settings belong in the main file/);
    await writeFile(join(dir, 'main2.yml'), l('daemon: 10', 'include: snippet', 'checks: []'));
    assert.deepEqual(ok(await loadConfigFile('main2.yml', env())).services.map((s) => s.name), ['s']);
  });

  test('a file that includes itself is read once, with a warning at the include', async () => {
    await writeFile(join(dir, 'self'), l('check system me', 'include self'));
    const r = await loadConfigFile('self', env());
    assert.deepEqual(ok(r).services.map((s) => s.name), ['me']);
    assert.deepEqual(warningsOf(r), ['TSM_W_INCLUDE_LOOP@2:9']);
  });

  test('a glob that matches nothing warns; a missing file is an error', async () => {
    await writeFile(join(dir, 'missing'), l('include nothing/*', 'include absent-file', 'check system x'));
    const r = await loadConfigFile('missing', env());
    assert.deepEqual(errorsOf(r), ['TSM_E_INCLUDE@2:9']);
    assert.deepEqual(warningsOf(r), ['TSM_W_INCLUDE_EMPTY@1:9']);
  });

  test("Debian's layout: the stock file includes conf.d/*, one of which holds set httpd", async () => {
    const c = ok(await loadConfigFile(join(CORPUS, 'debian-stock-monitrc.monitrc'), ENV));
    assert.deepEqual(c.httpd?.allow, [{ kind: 'host', value: 'localhost' }, { kind: 'user', user: 'admin', password: 'changeme', readonly: false }]);
    assert.deepEqual(c.services.map((s) => s.name), ['crond']);
  });
});
