import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isTsmonitProcess, readPidfileOwner, removePidfile, writePidfile,
} from '../../src/effects/instance-lock.ts';
import { NODE, waitFor } from './support/processes.ts';

describe('tsmonit pidfile', () => {
  let dir = '';
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'tsmonit-lock-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  test('written atomically, read back, removed only by its owner', async () => {
    const path = join(dir, 'run', 'tsmonit.pid');
    assert.equal(await readPidfileOwner(path), null);
    await writePidfile(path, 4321);
    assert.equal(await readFile(path, 'utf8'), '4321\n');
    assert.deepEqual(await readdir(join(dir, 'run')), ['tsmonit.pid']);
    assert.equal(await readPidfileOwner(path), 4321);
    assert.equal(await removePidfile(path, 1234), false);
    assert.equal(await readPidfileOwner(path), 4321, 'another instance\'s pidfile stays');
    assert.equal(await removePidfile(path, 4321), true);
    assert.equal(await readPidfileOwner(path), null);
    assert.equal(await removePidfile(path, 4321), false);
  });

  test('garbage names no owner', async () => {
    const path = join(dir, 'garbage.pid');
    await writeFile(path, 'hello\n');
    assert.equal(await readPidfileOwner(path), null);
  });
});

describe('isTsmonitProcess', () => {
  test('real processes: node running tsmonit yes, other node or other programs no, dead no', async () => {
    const keep = 'setInterval(() => {}, 1 << 30)';
    const tsmonit = spawn(NODE, ['-e', keep, 'tsmonit'], { stdio: 'ignore' });
    const other = spawn(NODE, ['-e', keep], { stdio: 'ignore' });
    const sleeper = spawn('sleep', ['30', 'tsmonit'], { stdio: 'ignore' });
    try {
      await waitFor(async () => (await isTsmonitProcess(tsmonit.pid ?? -1)) || undefined, 'node ... tsmonit recognised');
      assert.equal(await isTsmonitProcess(other.pid ?? -1), false);
      assert.equal(await isTsmonitProcess(sleeper.pid ?? -1), false, 'not node');
    } finally {
      for (const child of [tsmonit, other, sleeper]) child.kill('SIGKILL');
    }
    await waitFor(() => tsmonit.exitCode !== null || tsmonit.signalCode !== null, 'exit');
    assert.equal(await isTsmonitProcess(tsmonit.pid ?? -1), false);
    assert.equal(await isTsmonitProcess(0), false);
  });

  test('command lines from a fake /proc', async () => {
    const root = await mkdtemp(join(tmpdir(), 'tsmonit-fakeproc-'));
    const cases: Array<[string[], boolean]> = [
      [['/usr/bin/node', '/opt/app/node_modules/tsmonit/bin/tsmonit.js', '-c', 'x.yml'], true],
      [['node', '--import', 'tsx', 'src/main.ts', '-c', 'monitrc.yml'], true],
      [['/usr/local/bin/node20', '/home/u/proj/src/main.ts'], true],
      [['tsmonit'], true],
      [['node', 'src/main.tsx'], false],
      [['vim', 'tsmonit.yml'], false],
      [['node', 'server.js'], false],
      [[], false],
    ];
    try {
      for (const [i, [argv, expected]] of cases.entries()) {
        const pid = 100 + i;
        await mkdir(join(root, String(pid)));
        await writeFile(join(root, String(pid), 'cmdline'), argv.map((a) => `${a}\0`).join(''));
        assert.equal(await isTsmonitProcess(pid, root), expected, argv.join(' '));
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
