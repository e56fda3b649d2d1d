// The cheap /proc readers (effects/proc/read-proc.ts, from the overhead benchmark's profile) read whole files
// past their 4 KB chunk, and tell a live process, a zombie and a gone one apart.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { procStateSync, readProcFile } from '../../src/effects/proc/read-proc.ts';
import { waitFor } from '../helpers/wait.ts';

test('readProcFile reads a command line longer than its chunk, as readFileSync does', async (t) => {
  const long = 'x'.repeat(9000);
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)', long], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  const path = `/proc/${child.pid}/cmdline`;
  await waitFor('the child running', () => readFileSync(path, 'utf8').includes(long));
  const text = await readProcFile(path);
  assert.ok(text.length > 9000 && text.endsWith(`${long}\0`), `read ${text.length} characters`);
  assert.equal(text, readFileSync(path, 'utf8'));
  assert.equal(await readProcFile('/proc/self/stat').then((s) => s.split(' ')[0]), String(process.pid));
  await assert.rejects(readProcFile('/proc/999999999/stat'), /ENOENT/);
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
