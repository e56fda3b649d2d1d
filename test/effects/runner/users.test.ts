import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveGroup, resolveUser } from '../../../src/effects/runner/users.ts';

let dir = '';
const files = { passwd: '', group: '' };
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tsmonit-users-'));
  files.passwd = join(dir, 'passwd');
  files.group = join(dir, 'group');
  await writeFile(files.passwd, 'root:x:0:0:root:/root:/bin/bash\n# comment\nwww-data:x:33:34:www:/var/www:/usr/sbin/nologin\n');
  await writeFile(files.group, 'root:x:0:\nwww-data:x:33:\nstaff:x:50:alice\n');
});
after(async () => { await rm(dir, { recursive: true, force: true }); });

test('users by name and by number', async () => {
  assert.deepEqual(await resolveUser('www-data', files), { name: 'www-data', uid: 33, gid: 34, home: '/var/www' });
  assert.deepEqual(await resolveUser(33, files), { name: 'www-data', uid: 33, gid: 34, home: '/var/www' });
  assert.deepEqual(await resolveUser('0', files), { name: 'root', uid: 0, gid: 0, home: '/root' });
  assert.equal(await resolveUser('nobody-here', files), null);
  // a numeric uid without a passwd entry is allowed; its group defaults to the same number
  assert.deepEqual(await resolveUser(4242, files), { name: '4242', uid: 4242, gid: 4242, home: '/' });
});

test('groups by name and by number', async () => {
  assert.deepEqual(await resolveGroup('staff', files), { name: 'staff', gid: 50 });
  assert.deepEqual(await resolveGroup(7, files), { name: '7', gid: 7 });
  assert.equal(await resolveGroup('nogroup-here', files), null);
});

test('the real /etc/passwd knows root', async () => {
  assert.equal((await resolveUser('root'))?.uid, 0);
  assert.equal((await resolveGroup('root'))?.gid, 0);
});
