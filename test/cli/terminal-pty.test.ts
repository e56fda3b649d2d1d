// Colours and box tables only on a terminal: the same commands under a pseudo-terminal (script(1)) draw
// boxes and colours, -B and NO_COLOR turn them off, and --wait draws a progress line there.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { alive, pidFrom, ROOT } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { startDaemon, tsmonit, type Daemon } from './helpers/cli.ts';

const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
const ESC = '\u001b';

/** Runs tsmonit under a pty; stdout and stderr both arrive on the terminal. */
function onTerminal(args: string[], env: Record<string, string> = {}): Promise<{ code: number; text: string }> {
  const command = [process.execPath, `${ROOT}bin/tsmonit.js`, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve) => {
    execFile(SCRIPT!, ['-qfec', command, '/dev/null'], { env: { ...process.env, TSMONIT_RUN: 'dist', TERM: 'xterm', ...env }, timeout: 60000 },
      (err, stdout) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, text: stdout }));
  });
}

describe('on a terminal', { skip: SCRIPT ? false : 'script(1) is not installed' }, () => {
  let d: Daemon;
  before(async () => {
    d = await startDaemon(`
  - system: box
  - process: slow
    pidfile: \${DIR}/slow.pid
    start: "\${NODE} \${CLI_FIXTURES}/slow-exit.js --daemon --pidfile \${DIR}/slow.pid --exit-delay 2"
`);
    await waitFor('slow runs', () => alive(pidFrom(`${d.dir}/slow.pid`)), { timeoutMs: 30000 });
    await tsmonit(['-c', d.file, 'summary']); // builds dist/ before script(1) runs it
  });
  after(() => d?.stop());

  test('summary draws a box table with coloured statuses', async () => {
    const r = await onTerminal(['-c', d.file, 'summary']);
    assert.equal(r.code, 0, r.text);
    assert.match(r.text, /┌─+┬─+┬─+┐/);
    assert.match(r.text, /│ Service Name +│ Status +│ Type +│/);
    assert.ok(r.text.includes(`${ESC}[32mOK`), 'OK in green');
  });

  test('-B is monit\'s batch mode: the plain layout even on a terminal', async () => {
    const r = await onTerminal(['-c', d.file, '-B', 'summary']);
    assert.doesNotMatch(r.text, /[┌│]/);
    assert.ok(!r.text.includes(ESC));
    assert.match(r.text, /^ Service Name {21}Status {22}Type\r?$/m);
  });

  test('NO_COLOR keeps the boxes and drops the colours', async () => {
    const r = await onTerminal(['-c', d.file, 'status'], { NO_COLOR: '1' });
    assert.ok(!r.text.includes(ESC), r.text);
    const coloured = await onTerminal(['-c', d.file, 'status']);
    assert.ok(coloured.text.includes(`${ESC}[1mProcess 'slow'${ESC}[0m`), 'headings in bold');
  });

  test('--wait draws a progress line while it waits, and erases it', async () => {
    const r = await onTerminal(['-c', d.file, 'stop', 'slow', '--wait']);
    assert.equal(r.code, 0, r.text);
    assert.match(r.text, /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] stop 'slow': /);
    assert.ok(r.text.includes(`\r${ESC}[K'slow' stop: stopped`), `the line is erased before the result:\n${JSON.stringify(r.text)}`);
  });
});
