// User ids and the command line are read every time while a process is young, then at most every 30 s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DETAILS_TTL_MS, ProcReader, YOUNG_MS } from '../../../src/effects/proc/proc-reader.ts';

const BOOT = 1_700_000_000_000;
// started 2 s after boot: `startTicks` 200
const statLine = '10 (d) S 1 10 10 0 -1 0 0 0 0 0 50 50 0 0 20 0 1 0 200 0 7 0';
const START = BOOT + 2000;

test('details: re-read while young, then cached for the TTL, then re-read', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'tsmonit-reader-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, '10'));
  writeFileSync(join(root, '10', 'stat'), statLine);
  const setUid = (uid: number, name: string) => {
    writeFileSync(join(root, '10', 'status'), `Uid:\t${uid}\t${uid}\t${uid}\t${uid}\nGid:\t1\t1\t1\t1\n`);
    writeFileSync(join(root, '10', 'cmdline'), `${name}\0--flag\0`);
  };
  const reader = new ProcReader({ procRoot: root, bootTime: BOOT, pageSize: 4096, childrenFiles: false });
  t.after(() => reader.close());
  setUid(0, 'daemon');
  const young = START + 1000;
  const rows: Array<{ at: number; set?: [number, string]; uid: number; cmdline: string; why: string }> = [
    { at: young, uid: 0, cmdline: 'daemon --flag', why: 'first read' },
    { at: young + 10, set: [33, 'daemon: worker'], uid: 33, cmdline: 'daemon: worker --flag', why: 'young: read again' },
    { at: START + YOUNG_MS, set: [34, 'renamed'], uid: 33, cmdline: 'daemon: worker --flag', why: 'no longer young, read 9 s ago: cached' },
    { at: young + 10 + DETAILS_TTL_MS, uid: 34, cmdline: 'renamed --flag', why: 'TTL over: read again' },
    { at: young + 10 + DETAILS_TTL_MS + 1000, set: [35, 'later'], uid: 34, cmdline: 'renamed --flag', why: 'within the TTL: cached' },
    { at: young + 10 + 2 * DETAILS_TTL_MS, uid: 35, cmdline: 'later --flag', why: 'TTL over again: read' },
  ];
  for (const row of rows) {
    if (row.set) setUid(...row.set);
    const info = reader.process(10, row.at);
    assert.equal(info?.uid, row.uid, row.why);
    assert.equal(info?.cmdline, row.cmdline, row.why);
    assert.equal(info?.startTime, START);
  }
  assert.equal(reader.process(11, START), null, 'no such process');
});
