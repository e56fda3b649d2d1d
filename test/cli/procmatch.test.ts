// Must show 4: `tsmonit procmatch REGEX` picks the process the daemon's `matching` check picks: among the
// matches whose parent does not match, the longest running; tsmonit itself never counts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { after, before, test } from 'node:test';
import { alive, kill } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';
import { startDaemon, tsmonit, type Daemon } from './helpers/cli.ts';

const TOKEN = `tsmcli-${randomBytes(4).toString('hex')}`;
const started: number[] = [];

/** A process whose command line carries TOKEN; with a child, the child carries it too. */
function spawnTagged(withChild: boolean): number {
  const child = withChild
    ? `require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e9)', '${TOKEN}'], { stdio: 'ignore' });`
    : '';
  const p = spawn(process.execPath, ['-e', `${child} setInterval(() => {}, 1e9)`, TOKEN], { stdio: 'ignore', detached: true });
  p.unref();
  started.push(p.pid!);
  return p.pid!;
}

let d: Daemon;
let older: number;
let younger: number;

before(async () => {
  older = spawnTagged(true);
  await sleep(300); // distinct start times
  younger = spawnTagged(false);
  await waitFor('both tagged processes run', () => alive(older) && alive(younger));
  d = await startDaemon(`
  - process: tagged
    matching: "${TOKEN}"
    mode: passive
`);
});

after(() => {
  d?.stop();
  for (const pid of started) {
    try {
      process.kill(-pid, 'SIGKILL'); // the process group: the tagged child too
    } catch {
      kill(pid);
    }
  }
});

test('procmatch marks the process the daemon\'s matching check found', async () => {
  const api = JSON.parse((await d.get('/api/v1/services/tagged')).body) as { process: { pid: number | null } };
  assert.equal(api.process.pid, older, 'the daemon picks the older process, not its matching child nor the younger one');

  const r = await tsmonit(['procmatch', TOKEN]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0]!, /^ {2}PID {6}PPID {5}Command$/);
  const rows = lines.slice(1, -2).map((l) => ({ marked: l.startsWith('*'), pid: Number(l.slice(2, 10)), ppid: Number(l.slice(11, 19)) }));
  assert.equal(rows.length, 3, `the older, its child and the younger:\n${r.stdout}`);
  assert.deepEqual(rows.filter((row) => row.marked).map((row) => row.pid), [api.process.pid]);
  const childRow = rows.find((row) => row.ppid === older);
  assert.ok(childRow && !childRow.marked, 'the child matches but its parent matches too');
  assert.equal(lines.at(-2), 'Total matches: 3');
  assert.equal(lines.at(-1), `* the process a matching check picks (pid ${older})`);
});

test('procmatch with no match prints none and exits 1', async () => {
  const r = await tsmonit(['procmatch', `${TOKEN}-nothing`]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '  PID      PPID     Command\nTotal matches: 0\n');
});
