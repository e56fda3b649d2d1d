// The cheap /proc readers (effects/proc/read-proc.ts, from the overhead benchmark's profile) read whole files
// past their 4 KB buffer, and tell a live process, a zombie and a gone one apart.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { procStateSync, readProcFileSync } from '../../src/effects/proc/read-proc.ts';
import { waitFor } from '../helpers/wait.ts';

test('readProcFileSync reads a command line longer than its buffer, as readFileSync does', async (t) => {
  const long = 'x'.repeat(9000);
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)', long], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  const path = `/proc/${child.pid}/cmdline`;
  await waitFor('the child running', () => readFileSync(path, 'utf8').includes(long));
  const text = readProcFileSync(path, 'utf8') ?? '';
  assert.ok(text.length > 9000 && text.endsWith(`${long}\0`), `read ${text.length} characters`);
  assert.equal(text, readFileSync(path, 'utf8'));
  // The buffer grew for the long line; a short file after it is read whole and alone.
  assert.equal(readProcFileSync('/proc/self/stat')?.split(' ')[0], String(process.pid));
  assert.equal(readProcFileSync('/proc/self/stat')?.endsWith('\n'), true);
  assert.equal(readProcFileSync('/proc/999999999/stat'), null);
});

test('procStateSync: live, zombie, gone', async (t) => {
  assert.match(procStateSync(`/proc/${process.pid}/stat`) ?? '', /^[RS]$/);
  // `sleep 0` ends at once and its parent (exec-ed into a long sleep) never reaps it: a zombie.
  const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 100000'], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(() => parent.kill('SIGKILL'));
  let out = '';
  parent.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const zombie = Number(await waitFor('the zombie pid', () => /(\d+)\n/.exec(out)?.[1]));
  await waitFor('it is a zombie', () => procStateSync(`/proc/${zombie}/stat`) === 'Z');
  assert.equal(procStateSync('/proc/999999999/stat'), null);
});
