import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFileInspector } from '../../../src/effects/files/index.ts';
import { tempDir } from '../../helpers/harness.ts';

function dir(t: { after(fn: () => void): void }): string {
  const d = tempDir('tsmonit-inspect-');
  t.after(() => rmSync(d, { recursive: true, force: true }));
  return d;
}

/** What coreutils says the digest is: an independent implementation. */
function coreutils(tool: string, file: string): string {
  return execFileSync(tool, [file], { encoding: 'utf8' }).split(' ')[0]!;
}

describe('createFileInspector', () => {
  const inspector = createFileInspector();

  test('stat of a regular file: kind, size, permission bits, owner, times', async (t) => {
    const file = join(dir(t), 'f');
    writeFileSync(file, 'hello\n');
    chmodSync(file, 0o640);
    const obs = await inspector.inspect({ path: file, checksums: [] });
    assert.equal(obs.stat?.kind, 'file');
    assert.equal(obs.stat?.size, 6);
    assert.equal(obs.stat?.mode, 0o640);
    assert.equal(obs.stat?.uid, process.getuid?.());
    assert.ok((obs.stat?.mtimeMs ?? 0) > Date.now() - 60_000);
    assert.deepEqual(obs.checksums, {});
    assert.equal(obs.content, undefined);
  });

  test('digests agree with md5sum, sha1sum and sha256sum', async (t) => {
    const file = join(dir(t), 'data.bin');
    writeFileSync(file, Buffer.alloc(3 * 1024 * 1024 + 17, 7)); // several stream chunks
    const obs = await inspector.inspect({ path: file, checksums: ['md5', 'sha1', 'sha256'] });
    assert.equal(obs.checksums.md5, coreutils('md5sum', file));
    assert.equal(obs.checksums.sha1, coreutils('sha1sum', file));
    assert.equal(obs.checksums.sha256, coreutils('sha256sum', file));
  });

  test('a missing path: no stat, why, and a content cursor that reads it from the start when it appears', async (t) => {
    const file = join(dir(t), 'nope');
    const obs = await inspector.inspect({ path: file, checksums: ['md5'], content: { cursor: null, lineLimitBytes: 512 } });
    assert.equal(obs.stat, null);
    assert.equal(obs.detail, 'no such file or directory');
    assert.deepEqual(obs.checksums, {});
    assert.deepEqual(obs.content?.cursor, { path: file, inode: 0, offset: 0 });
  });

  test('a directory and a fifo are examined without being opened', async (t) => {
    const d = dir(t);
    mkdirSync(join(d, 'sub'));
    execFileSync('mkfifo', [join(d, 'pipe')]);
    const sub = await inspector.inspect({ path: join(d, 'sub'), checksums: ['md5'] });
    assert.equal(sub.stat?.kind, 'directory');
    assert.deepEqual(sub.checksums, {});
    // Opening a fifo without a writer would hang this test: the inspector must not.
    const pipe = await inspector.inspect({ path: join(d, 'pipe'), checksums: ['md5'], content: { cursor: null, lineLimitBytes: 512 } });
    assert.equal(pipe.stat?.kind, 'fifo');
    assert.equal(pipe.content, undefined);
  });
});
