// Must show 3 (issue 3): a probe against an address that black-holes connections (5 s timeout) never delays
// another service's check: a neighbour at a 1 s cycle is checked at least 8 times in 10 s.
// The black hole is local: a listener with a one-slot accept backlog, SIGSTOPped, its queue filled, so the kernel
// drops further SYNs and a connect hangs until its timeout.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { FIXTURES, kill } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

/** Resolves true when a TCP connect completes within ms, false when it hangs (socket kept in `held` if connected). */
function tryConnect(port: number, ms: number, held: Socket[]): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(false);
    }, ms);
    socket.once('connect', () => {
      clearTimeout(timer);
      held.push(socket);
      resolve(true);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

async function blackHole(t: { after(fn: () => void): void }): Promise<number> {
  const child = spawn(process.execPath, [`${FIXTURES}/listen.js`, '0', '127.0.0.1', '1'], { stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(() => kill(child.pid ?? null, 'SIGKILL'));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(/listening (\d+)/.exec(chunk.toString())?.[1])));
    child.once('exit', () => reject(new Error('listener exited')));
  });
  kill(child.pid ?? null, 'SIGSTOP');
  const held: Socket[] = [];
  t.after(() => held.forEach((s) => s.destroy()));
  // Fill the accept queue: once full, the next connect hangs.
  for (let i = 0; i < 16 && (await tryConnect(port, 500, held)); i++);
  assert.equal(await tryConnect(port, 1500, held), false, 'the listener black-holes new connections');
  return port;
}

test('a black-holed probe (5 s timeout) does not delay a neighbour checked every 1 s cycle', async (t) => {
  const port = await blackHole(t);
  const h = await startMonitor(daemonYaml('1s', `
checks:
  - host: blackhole
    address: 127.0.0.1
    rules:
      - if failed port ${port} type tcp with timeout 5 seconds then alert
  - program: neighbour
    path: "/bin/sh -c 'date +%s%N >> \${DIR}/neighbour.log'"
    rules:
      - if status != 0 then alert
`));
  t.after(() => h.cleanup());
  const runs = () => {
    try {
      return readFileSync(`${h.dir}/neighbour.log`, 'utf8').split('\n').filter(Boolean).length;
    } catch {
      return 0;
    }
  };
  await waitFor('first neighbour check', () => runs() > 0);
  const before = runs();
  await sleep(10_000);
  const checked = runs() - before;
  assert.ok(checked >= 8, `the neighbour was checked ${checked} times in 10 s`);
  const failed = await waitFor('the black hole probe timed out', () => h.events('blackhole').find((e) => e.kind === 'connection' && e.state === 'failed'));
  assert.match(failed.message, /time/i, `a timeout, not a refusal: ${failed.message}`);
  assert.doesNotMatch(failed.message, /ECONNREFUSED/);
});
