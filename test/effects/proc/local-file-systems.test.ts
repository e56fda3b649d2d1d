// Which directories may be stat-ed synchronously: known local file systems only, asked once in the background.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LocalFileSystems } from '../../../src/effects/proc/local-file-systems.ts';

const settle = () => new Promise((resolve) => setImmediate(resolve));

test('the answer by file-system type: local ones yes, network, FUSE and unknown ones no', async () => {
  const cases: Array<[string, number, boolean]> = [
    ['ext4', 0xef53, true], ['tmpfs', 0x01021994, true], ['xfs', 0x58465342, true], ['btrfs', 0x9123683e, true],
    ['overlayfs', 0x794c7630, true], ['nfs', 0x6969, false], ['cifs', 0xff534d42, false], ['smb2', 0xfe534d42, false],
    ['fuse', 0x65735546, false], ['unknown', 0x12345678, false],
  ];
  for (const [name, magic, local] of cases) {
    const fs = new LocalFileSystems(60_000, async () => magic);
    assert.equal(fs.isLocal('/d', 0), false, `${name}: not known before statfs answered`);
    await settle();
    assert.equal(fs.isLocal('/d', 1), local, name);
  }
});

test('asked once at a time, again after the TTL; the old answer stands while the new one is asked', async () => {
  let asked = 0;
  let magic = 0xef53;
  let release: () => void = () => undefined;
  const fs = new LocalFileSystems(1000, () => {
    asked += 1;
    const answer = magic;
    return new Promise<number>((resolve) => { release = () => resolve(answer); });
  });
  fs.isLocal('/d', 0);
  fs.isLocal('/d', 10);
  assert.equal(asked, 1, 'one statfs in flight per directory');
  release();
  await settle();
  assert.equal(fs.isLocal('/d', 999), true);
  assert.equal(asked, 1, 'fresh: not asked again');
  magic = 0x6969; // an NFS mount appeared over the directory
  assert.equal(fs.isLocal('/d', 1000), true, 'stale: the old answer while asking');
  assert.equal(asked, 2);
  release();
  await settle();
  assert.equal(fs.isLocal('/d', 1001), false);
});

test('a directory statfs cannot look at is not local', async () => {
  const fs = new LocalFileSystems(60_000, async () => { throw Object.assign(new Error('gone'), { code: 'ENOENT' }); });
  fs.isLocal('/nope', 0);
  await settle();
  assert.equal(fs.isLocal('/nope', 1), false);
});

test('the real statfs: /dev/shm (tmpfs) is local, /proc and a missing directory are not', async () => {
  const fs = new LocalFileSystems();
  const deadline = Date.now() + 5000;
  while (!fs.isLocal('/dev/shm', Date.now()) && Date.now() < deadline) await settle();
  assert.equal(fs.isLocal('/dev/shm', Date.now()), true);
  fs.isLocal('/proc', Date.now());
  fs.isLocal('/no/such/directory', Date.now());
  await new Promise((resolve) => setTimeout(resolve, 100));
  assert.equal(fs.isLocal('/proc', Date.now()), false);
  assert.equal(fs.isLocal('/no/such/directory', Date.now()), false);
});
