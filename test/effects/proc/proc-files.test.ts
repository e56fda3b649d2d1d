import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatCmdline, parseStat, parseStatus } from '../../../src/effects/proc/proc-files.ts';

// Fields 3..24 of proc(5), then the rest; utime=7 stime=3 threads=4 starttime=12345 rss=250.
const tail = 'S 1 42 42 0 -1 4194560 100 0 0 0 7 3 0 0 20 0 4 0 12345 1000000 250 18446744073709551615 1 1 0 0 0';

describe('parseStat', () => {
  const cases: Array<{ name: string; text: string; comm: string }> = [
    { name: 'a plain comm', text: `123 (node) ${tail}`, comm: 'node' },
    { name: 'spaces in comm', text: `123 (Web Content) ${tail}`, comm: 'Web Content' },
    { name: 'parentheses in comm', text: `123 (a) b (c)) ${tail}`, comm: 'a) b (c)' },
    { name: 'a comm that looks like fields', text: `123 (x) S 9 9) ${tail}`, comm: 'x) S 9 9' },
  ];
  for (const { name, text, comm } of cases) {
    test(name, () => {
      const stat = parseStat(`${text}\n`);
      assert.ok(stat);
      assert.equal(stat.pid, 123);
      assert.equal(stat.comm, comm);
      assert.equal(stat.state, 'S');
      assert.equal(stat.ppid, 1);
      assert.equal(stat.cpuTicks, 10);
      assert.equal(stat.threads, 4);
      assert.equal(stat.startTicks, 12345);
      assert.equal(stat.rssPages, 250);
    });
  }
  test('garbage is null', () => {
    assert.equal(parseStat(''), null);
    assert.equal(parseStat('123 node S 1'), null);
    assert.equal(parseStat('123 (node) S'), null);
  });
});

test('parseStatus reads real and effective uid and real gid', () => {
  const text = 'Name:\tx\nUid:\t1000\t0\t0\t0\nGid:\t100\t200\t200\t200\nGroups:\t1 2\n';
  assert.deepEqual(parseStatus(text), { uid: 1000, euid: 0, gid: 100 });
});

test('formatCmdline turns NULs into spaces and shows [comm] when there is no argv', () => {
  assert.equal(formatCmdline(`${['node', 'server.js', '--port', '8080'].join('\0')}\0`, 'node'), 'node server.js --port 8080');
  assert.equal(formatCmdline('', 'kthreadd'), '[kthreadd]');
});
