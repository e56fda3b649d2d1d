import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PersistedState } from '../../src/model/state.ts';
import { createStateStore, decodeState } from '../../src/effects/state-store.ts';
import { TsmonitError } from '../../src/model/errors.ts';

function sampleState(savedAt = 1000): PersistedState {
  return {
    version: 2,
    bootTime: 1_700_000_000_000,
    savedAt,
    services: {
      'process:web': {
        name: 'web', type: 'process', monitoring: 'monitored',
        rules: { 'if failed port 80 then restart': { state: 'failed', history: '10', sinceFired: 2, message: 'x' } },
        restarts: [3, 5], restartsTotal: 2, checks: 9, identity: { pid: 42, startTime: 1_700_000_001_000 },
        actionFailures: {}, lastCheck: 999,
      },
    },
  };
}

describe('state store', () => {
  let dir = '';
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'tsmonit-state-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  test('round trip, creating missing directories, leaving no temp files', async () => {
    const path = join(dir, 'deep', 'er', 'state.json');
    const store = createStateStore(path);
    assert.deepEqual(await store.load(), { state: null });
    await store.save(sampleState());
    assert.deepEqual(await store.load(), { state: sampleState() });
    await store.save(sampleState(2000));
    assert.equal((await store.load()).state?.savedAt, 2000);
    assert.deepEqual(await readdir(join(dir, 'deep', 'er')), ['state.json']);
  });

  test('concurrent saves land in call order', async () => {
    const path = join(dir, 'order.json');
    const store = createStateStore(path);
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.save(sampleState(n))));
    assert.equal((await store.load()).state?.savedAt, 5);
    assert.deepEqual(await readdir(dir).then((names) => names.filter((n) => n.includes('order'))), ['order.json']);
  });

  test('a corrupt, truncated or foreign file is a problem, never a throw', async () => {
    const full = JSON.stringify(sampleState());
    const cases: Array<[string, RegExp]> = [
      [full.slice(0, full.length / 2), /not valid JSON/],
      ['', /empty/],
      ['[1,2]', /no version/],
      ['{"version":3,"services":{}}', /unsupported version 3/],
      ['{"version":0}', /version 0 cannot be migrated/],
      ['{"version":2,"services":{}}', /missing bootTime/],
      ['{"version":1,"services":{}}', /missing bootTime/],
    ];
    for (const [i, [content, problem]] of cases.entries()) {
      const path = join(dir, `bad-${i}.json`);
      await writeFile(path, content);
      const loaded = await createStateStore(path).load();
      assert.equal(loaded.state, null);
      assert.match(loaded.problem ?? '', problem, content);
      assert.ok(loaded.problem?.includes(path));
    }
  });

  test('a directory in place of the file is a problem on load and a coded error on save', async () => {
    const path = join(dir, 'a-dir');
    await mkdir(path);
    const store = createStateStore(path);
    assert.match((await store.load()).problem ?? '', /EISDIR/);
    await assert.rejects(store.save(sampleState()), (error: unknown) =>
      error instanceof TsmonitError && error.code === 'TSM_E_STATE_FILE');
  });

  test('an unwritable directory fails the save (when not root)', { skip: process.getuid?.() === 0 }, async () => {
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o500);
    await assert.rejects(createStateStore(join(locked, 's.json')).save(sampleState()), /EACCES/);
  });

  test('the file is JSON with a version on its first key', async () => {
    const path = join(dir, 'plain.json');
    await createStateStore(path).save(sampleState());
    assert.equal(JSON.parse(await readFile(path, 'utf8')).version, 2);
  });
});

test('old versions go through the migration hooks, then the built-in ones', () => {
  const v0 = JSON.stringify({ version: 0, boot: 5, savedAt: 6, services: { 'process:a': { rules: { r: { history: [true] } } } } });
  const migrations = { 0: (old: Record<string, unknown>) => ({ ...old, version: 1, bootTime: old.boot }) };
  const decoded = decodeState(v0, migrations);
  assert.ok('state' in decoded);
  assert.equal(decoded.state.bootTime, 5);
  assert.equal(decoded.state.version, 2);
  assert.equal(decoded.state.services['process:a']?.rules['r']?.history, '1', 'the built-in 1 -> 2 ran after the hook');
  const stuck = decodeState(v0, { 0: (old) => old });
  assert.deepEqual(stuck, { problem: 'migration from version 0 did not raise the version' });
  const throwing = decodeState(v0, { 0: () => { throw new Error('bad'); } });
  assert.deepEqual(throwing, { problem: 'migration from version 0 failed: bad' });
});
