import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readNewLines } from '../../../src/effects/files/content-reader.ts';
import type { ContentCursor } from '../../../src/model/observation.ts';
import { tempDir } from '../../helpers/harness.ts';

const LIMIT = { lineLimitBytes: 512 };

function fixture(t: { after(fn: () => void): void }): string {
  const dir = tempDir('tsmonit-content-');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'app.log');
}

describe('readNewLines', () => {
  test('first sight skips what is there; later reads return only new complete lines', async (t) => {
    const file = fixture(t);
    writeFileSync(file, 'old 1\nold 2\n');
    const first = await readNewLines(file, null, LIMIT);
    assert.deepEqual(first.lines, []);
    assert.equal(first.cursor.offset, 12);
    assert.equal(first.cursor.inode, statSync(file).ino);
    assert.match(first.note ?? '', /first sight/);

    appendFileSync(file, 'new 1\nnew 2\npart');
    const second = await readNewLines(file, first.cursor, LIMIT);
    assert.deepEqual(second.lines, ['new 1', 'new 2']);
    assert.equal(second.cursor.offset, 24, 'the incomplete line stays for the next read');

    appendFileSync(file, 'ial\r\n');
    const third = await readNewLines(file, second.cursor, LIMIT);
    assert.deepEqual(third.lines, ['partial'], 'completed later, CR dropped');
    assert.equal(third.note, undefined);

    const fourth = await readNewLines(file, third.cursor, LIMIT);
    assert.deepEqual(fourth.lines, []);
    assert.deepEqual(fourth.cursor, third.cursor);
  });

  test('rotation (a new inode) reads the new file from its start', async (t) => {
    const file = fixture(t);
    writeFileSync(file, 'before rotation\n');
    const first = await readNewLines(file, null, LIMIT);
    renameSync(file, `${file}.1`);
    writeFileSync(file, 'fresh 1\nfresh 2\n');
    const after = await readNewLines(file, first.cursor, LIMIT);
    assert.deepEqual(after.lines, ['fresh 1', 'fresh 2']);
    assert.match(after.note ?? '', /rotated/);
    assert.notEqual(after.cursor.inode, first.cursor.inode);
  });

  test('truncation in place (copytruncate) reads from the start', async (t) => {
    const file = fixture(t);
    writeFileSync(file, 'a long line that was there before\n');
    const first = await readNewLines(file, null, LIMIT);
    truncateSync(file, 0);
    appendFileSync(file, 'short\n');
    const after = await readNewLines(file, first.cursor, LIMIT);
    assert.deepEqual(after.lines, ['short']);
    assert.match(after.note ?? '', /truncated/);
  });

  test('a missing file is read from its start once it appears', async (t) => {
    const file = fixture(t);
    const missing = await readNewLines(file, null, LIMIT);
    assert.deepEqual(missing.cursor, { path: file, inode: 0, offset: 0 });
    writeFileSync(file, 'born\n');
    const born = await readNewLines(file, missing.cursor, LIMIT);
    assert.deepEqual(born.lines, ['born']);
  });

  test('a cursor for another path is a first sight', async (t) => {
    const file = fixture(t);
    writeFileSync(file, 'x\n');
    const cursor: ContentCursor = { path: '/elsewhere.log', inode: statSync(file).ino, offset: 0 };
    assert.deepEqual((await readNewLines(file, cursor, LIMIT)).lines, []);
  });

  test('lines are cut at the buffer; a reader bounded per check catches up over several checks', async (t) => {
    const file = fixture(t);
    writeFileSync(file, '');
    let cursor = (await readNewLines(file, null, LIMIT)).cursor;
    appendFileSync(file, `${'x'.repeat(40)}\nshort\n${'y'.repeat(10)}\n`);
    const cutRead = await readNewLines(file, cursor, { lineLimitBytes: 8, maxReadBytes: 64 });
    assert.deepEqual(cutRead.lines, ['xxxxxxxx', 'short', 'yyyyyyyy']);

    appendFileSync(file, 'a\nb\nc\nd\n');
    cursor = cutRead.cursor;
    const seen: string[] = [];
    for (let i = 0; i < 4 && seen.length < 4; i++) {
      const r = await readNewLines(file, cursor, { lineLimitBytes: 8, maxReadBytes: 4 });
      seen.push(...r.lines);
      cursor = r.cursor;
    }
    assert.deepEqual(seen, ['a', 'b', 'c', 'd']);

    appendFileSync(file, `${'z'.repeat(20)}\n`);
    const giant = await readNewLines(file, cursor, { lineLimitBytes: 100, maxReadBytes: 8 });
    assert.deepEqual(giant.lines, ['zzzzzzzz'], 'a line longer than a whole read is taken as it is');
  });

  test('a path that cannot be read as a file is an error and keeps the cursor', async (t) => {
    const file = fixture(t);
    mkdirSync(file); // read(2) on a directory: EISDIR, even for root
    const cursor = { path: file, inode: statSync(file).ino, offset: 0 };
    const r = await readNewLines(file, cursor, LIMIT);
    assert.match(r.error ?? '', /EISDIR/);
    assert.deepEqual(r.cursor, cursor);
    assert.deepEqual(r.lines, []);
  });
});
