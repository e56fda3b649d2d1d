import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFilesystemStat } from '../../../src/effects/filesystem/index.ts';
import { tempDir } from '../../helpers/harness.ts';

/** coreutils' own statfs reading: blocks, free, available, inodes, free inodes, block size. */
function statF(path: string): number[] {
  return execFileSync('stat', ['-f', '-c', '%b %f %a %c %d %S', path], { encoding: 'utf8' }).trim().split(' ').map(Number);
}

describe('createFilesystemStat (real statfs)', () => {
  const fs = createFilesystemStat();

  test('the filesystem holding a temporary directory: figures agree with stat -f', async (t) => {
    const dir = tempDir('tsmonit-fs-');
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const obs = await fs.stat(dir);
    assert.ok(obs.found, obs.detail);
    const [blocks, free, avail, files, ffree, bsize] = statF(dir);
    const found = obs.found!;
    assert.equal(found.blocks, blocks);
    assert.equal(found.blockSize, bsize);
    assert.equal(found.inodes, files);
    // Other tests write meanwhile: free figures agree within 1%.
    const near = (a: number, b: number) => Math.abs(a - b) <= Math.max(64, b * 0.01);
    assert.ok(near(found.blocksFree, free!) && near(found.blocksAvailable, avail!), 'free blocks');
    assert.ok(files === 0 || near(found.inodesFree, ffree!), 'free inodes');
    assert.ok(found.blocksAvailable <= found.blocksFree);
    assert.match(found.flags, /^(rw|ro)(,|$)/);
    assert.ok(dir.startsWith(found.mountPoint === '/' ? '/' : `${found.mountPoint}`));
  });

  test('/proc is its own filesystem, found by its mount point', async () => {
    const obs = await fs.stat('/proc');
    assert.equal(obs.found?.mountPoint, '/proc');
    assert.equal(obs.found?.fsType, 'proc');
  });

  test('a missing path or an unmounted source is not found, with why', async () => {
    assert.deepEqual(await fs.stat('/no/such/mount'), { path: '/no/such/mount', found: null, detail: 'no such file or directory' });
    const nfs = await fs.stat('nowhere:/export');
    assert.equal(nfs.found, null);
  });

  test('a fixture mountinfo changes the flags seen (what changed fsflags watches)', async (t) => {
    const dir = tempDir('tsmonit-fs-');
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const info = join(dir, 'mountinfo');
    writeFileSync(info, `27 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw\n`);
    const fixture = createFilesystemStat({ mountinfoPath: info });
    assert.equal((await fixture.stat(dir)).found?.flags, 'rw,relatime');
    writeFileSync(info, `27 1 8:1 / / ro,relatime - ext4 /dev/sda1 ro\n`);
    assert.equal((await fixture.stat(dir)).found?.flags, 'ro,relatime');
  });
});
