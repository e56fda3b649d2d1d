import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTaskTableToken, taskTableToken } from '../../../src/effects/proc/task-table-token.ts';

test('the token is the task count and the last PID of a loadavg line', () => {
  const cases: Array<[string, string | null]> = [
    ['0.00 0.01 0.05 1/123 4567\n', '123 4567'],
    ['12.50 9.01 3.33 17/90210 4194303', '90210 4194303'],
    ['0.00 0.01 0.05', null],
    ['', null],
  ];
  for (const [line, token] of cases) assert.equal(taskTableToken(line), token, line);
});

test('a fake /proc: read through the kept descriptor afresh; no loadavg is null', () => {
  const root = mkdtempSync(join(tmpdir(), 'loadavg-'));
  assert.equal(createTaskTableToken(root)(), null);
  writeFileSync(join(root, 'loadavg'), '0.00 0.00 0.00 1/10 100\n');
  const read = createTaskTableToken(root);
  assert.equal(read(), '10 100');
  writeFileSync(join(root, 'loadavg'), '0.00 0.00 0.00 2/11 101\n');
  assert.equal(read(), '11 101');
});

test('the real /proc: a process started and one reaped each move the token', async () => {
  const read = createTaskTableToken('/proc');
  const before = read();
  assert.match(before ?? '', /^\d+ \d+$/);
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  await once(child, 'spawn');
  const running = read();
  assert.notEqual(running, before, 'a new task moves the last PID');
  assert.ok(Number(running!.split(' ')[1]) >= child.pid! || Number(running!.split(' ')[1]) < Number(before!.split(' ')[1]), 'last PID at or past the child (or wrapped)');
  child.kill('SIGKILL');
  await once(child, 'exit');
  assert.notEqual(read(), running, 'a reaped task moves the count');
});
