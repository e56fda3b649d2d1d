import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { LocalFileSystems } from '../../../src/effects/proc/local-file-systems.ts';
import { createPidfileReader, readPidfile } from '../../../src/effects/proc/pidfile.ts';

const EXT4 = 0xef53;
const NFS = 0x6969;

describe('readPidfile', () => {
  let dir = '';
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'tsmonit-pidfile-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  const cases: Array<{ content: string; pid: number | null; error?: string }> = [
    { content: '1234\n', pid: 1234 },
    { content: '  42 trailing words\n7\n', pid: 42 },
    { content: '', pid: null, error: 'empty' },
    { content: ' \n\n', pid: null, error: 'empty' },
    { content: 'abc\n', pid: null, error: 'not a number' },
    { content: '0\n', pid: null, error: 'not a number' },
    { content: '-5\n', pid: null, error: 'not a number' },
    { content: '99999999999999\n', pid: null, error: 'not a number' },
  ];
  for (const [i, c] of cases.entries()) {
    test(`content ${JSON.stringify(c.content)}`, async () => {
      const path = join(dir, `case-${i}.pid`);
      await writeFile(path, c.content);
      const read = await readPidfile(path);
      assert.equal(read.pid, c.pid);
      assert.equal(read.error, c.error);
      assert.equal(read.path, path);
      assert.ok(read.mtimeMs !== null && Math.abs(read.mtimeMs - Date.now()) < 60_000);
    });
  }

  test('a missing file', async () => {
    assert.deepEqual(await readPidfile(join(dir, 'nope.pid')),
      { path: join(dir, 'nope.pid'), pid: null, mtimeMs: null, error: 'missing' });
  });

  test('a directory is not a pidfile', async () => {
    await mkdir(join(dir, 'adir'));
    const read = await readPidfile(join(dir, 'adir'));
    assert.equal(read.pid, null);
    assert.equal(read.error, 'not a regular file');
  });

  test('an unreadable file reports the errno (when not root)', { skip: process.getuid?.() === 0 }, async () => {
    const path = join(dir, 'secret.pid');
    await writeFile(path, '5\n');
    await chmod(path, 0o000);
    assert.match((await readPidfile(path)).error ?? '', /EACCES/);
  });
});

for (const [kind, magic] of [['local', EXT4], ['network', NFS]] as const) {
describe(`createPidfileReader (${kind} file system): a pidfile unchanged since the last look is not read again`, () => {
  let dir = '';
  let locality = new LocalFileSystems();
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tsmonit-pidfile-cache-'));
    locality = new LocalFileSystems(60_000, async () => magic);
    locality.isLocal(dir, Date.now());
    await new Promise((resolve) => setImmediate(resolve)); // the statfs answer lands
    assert.equal(locality.isLocal(dir, Date.now()), kind === 'local');
  });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  test('an unchanged file written long enough ago answers from what was read (the same read)', async () => {
    const read = createPidfileReader({ stableAfterMs: 0, locality });
    const path = join(dir, 'steady.pid');
    await writeFile(path, '1234\n');
    const first = await read(path);
    assert.equal(first.pid, 1234);
    assert.equal(await read(path), first, 'the cached read itself');
  });

  test('a rewrite, a rename over it, a removal and a new file are all seen at the next look', async () => {
    const read = createPidfileReader({ stableAfterMs: 0, locality });
    const path = join(dir, 'moving.pid');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await writeFile(path, '1234\n');
    await utimes(path, hourAgo, hourAgo);
    const first = await read(path);
    assert.equal(first.pid, 1234);
    assert.equal(await read(path), first, 'cached');
    await writeFile(path, '5678\n'); // same size: the modification time tells
    assert.equal((await read(path)).pid, 5678);
    await writeFile(join(dir, 'new.pid'), '4321\n');
    await utimes(join(dir, 'new.pid'), hourAgo, hourAgo);
    await rename(join(dir, 'new.pid'), path);
    assert.equal((await read(path)).pid, 4321);
    await rm(path);
    assert.equal((await read(path)).error, 'missing');
    await writeFile(path, '99\n');
    assert.equal((await read(path)).pid, 99);
  });

  test('a file written just before it was read is read again next time (timestamps are coarse)', async () => {
    const read = createPidfileReader({ locality }); // 1 s
    const path = join(dir, 'fresh.pid');
    await writeFile(path, '1234\n');
    const first = await read(path);
    const second = await read(path);
    assert.deepEqual(second, first);
    assert.notEqual(second, first, 'read again, not taken from the cache');
  });
});
}

test('on a local file system the pidfile is stat-ed and read at once (synchronously), not through the thread pool', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tsmonit-pidfile-sync-'));
  try {
    const locality = new LocalFileSystems(60_000, async () => EXT4);
    locality.isLocal(dir, Date.now());
    await new Promise((resolve) => setImmediate(resolve));
    const read = createPidfileReader({ locality });
    const path = join(dir, 'sync.pid');
    await writeFile(path, '4242\n');
    const pending = read(path);
    rmSync(path); // removed before anything asynchronous could have run: only a synchronous read saw the file
    assert.equal((await pending).pid, 4242);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
