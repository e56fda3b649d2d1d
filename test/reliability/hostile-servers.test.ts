// 4. Probes against a black hole (SYNs dropped), a half-open server (accepts, never answers) and a server
// that trickles one byte a second: each check ends within its timeout, the failure is reported, and a
// steady service beside them is checked every cycle.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { startMonitor } from '../helpers/harness.ts';
import { FIXTURES } from '../helpers/processes.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

async function listening(child: ChildProcess): Promise<number> {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  return Number((await waitFor('a listening port', () => /listening (\d+)/.exec(out)))[1]);
}

const hasPython = spawnSync('python3', ['-c', '0']).status === 0;

test('black hole, half-open and trickling servers: probes bounded by their timeouts', { timeout: 120_000 }, async (t) => {
  const children: ChildProcess[] = [];
  t.after(() => children.forEach((c) => c.kill('SIGKILL')));
  const start = (cmd: string, args: string[]) => {
    const c = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(c);
    return listening(c);
  };
  const halfOpen = await start(process.execPath, [`${FIXTURES}/silent-server.js`]);
  const trickle = await start(process.execPath, [`${FIXTURES}/trickle-server.js`]);
  if (!hasPython) t.diagnostic('python3 not found: the black-hole server is skipped');
  const blackHole = hasPython ? await start('python3', [`${FIXTURES}/black-hole.py`]) : null;
  const steady = spawn('sleep', ['100000'], { stdio: 'ignore' });
  children.push(steady);

  const hostile: Array<[string, number]> = [['halfopen', halfOpen], ['trickle', trickle], ...(blackHole ? [['blackhole', blackHole] as [string, number]] : [])];
  const h = await startMonitor(`
daemon: 1s
statefile: \${DIR}/state.json
control_socket: false
checks:
${hostile.map(([name, port]) => `  - host: ${name}
    address: 127.0.0.1
    rules:
      - if failed port ${port} protocol http with timeout 2 seconds then alert`).join('\n')}
  - process: steady
    pidfile: \${DIR}/steady.pid
    rules:
      - if cpu > 95% for 3 cycles then alert
`);
  t.after(() => h.cleanup());
  writeFileSync(`${h.dir}/steady.pid`, `${steady.pid}\n`);

  const durations = new Map<string, number[]>();
  let steadyChecks = 0;
  const off = h.monitor.onCycle((report) => {
    for (const s of report.services) {
      if (s.name === 'steady') steadyChecks += 1;
      if (s.checkDurationMs !== null && s.checkDurationMs !== undefined) durations.set(s.name, [...(durations.get(s.name) ?? []), s.checkDurationMs]);
    }
  });
  t.after(off);
  const began = Date.now();
  for (const [name] of hostile) {
    const failed = await waitFor(`${name}: Connection failed`, () => h.events(name).find((e) => e.kind === 'connection' && e.state === 'failed'), { timeoutMs: 15000 });
    assert.match(failed.message, /timed out|timeout/i, `${name}: ${failed.message}`);
  }
  await sleep(6000); // several more timed-out probes
  const elapsedS = (Date.now() - began) / 1000;
  for (const [name] of hostile) {
    const seen = durations.get(name) ?? [];
    assert.ok(seen.length >= 2, `${name} was checked again and again (${seen.length})`);
    assert.ok(Math.max(...seen) < 2000 + 1500, `${name}: checks took ${seen.join(', ')} ms with a 2 s timeout`);
    assert.match(h.monitor.service(name)?.status ?? '', /Connection failed/);
  }
  assert.equal(h.monitor.service('steady')?.status, 'OK');
  assert.ok(steadyChecks >= Math.floor(elapsedS * 0.6), `steady checked ${steadyChecks} times in ${elapsedS.toFixed(1)} s`);
});
