// A memcached on a private port, as the services under test, a probe that asks it for its version, and the
// scenario shared by recovery and hang: break memcached again and again, time until it answers again.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { BenchService } from './control-files.ts';
import { freePort } from './idle-farm.ts';
import { isLive } from './procfs.ts';
import type { Context, Row, Scenario } from './scenario.ts';
import { summarize } from './stats.ts';
import { startSupervisor, type Tool } from './supervisors.ts';
import { sleep, waitUntil } from './wait.ts';

export const MEMCACHED = '/usr/bin/memcached';

export function memcachedService(dir: string, port: number, rules: string[], stop?: string, startTimeoutS = 30): BenchService {
  const pidfile = join(dir, 'memcached.pid');
  const user = process.getuid?.() === 0 ? ' -u root' : '';
  return {
    name: 'memcached',
    pidfile,
    start: { program: `${MEMCACHED} -d -P ${pidfile} -p ${port} -l 127.0.0.1 -U 0 -m 16${user}`, timeoutS: startTimeoutS },
    ...(stop ? { stop: { program: stop, timeoutS: 30 } } : {}),
    rules,
  };
}

export function pidOf(pidfile: string): number | null {
  try {
    const n = Number.parseInt(readFileSync(pidfile, 'utf8'), 10);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** True when a new connection gets an answer to `version` within timeoutMs. */
export function answersVersion(port: number, timeoutMs = 250): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let got = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('connect', () => socket.write('version\r\n'));
    socket.on('data', (d: Buffer) => {
      got += d.toString();
      if (got.includes('\r\n')) done(got.startsWith('VERSION '));
    });
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
  });
}

/** Polls with fresh connections until memcached answers; milliseconds since t0. */
export async function untilAnswers(port: number, t0: number, timeoutMs: number): Promise<number> {
  for (;;) {
    if (await answersVersion(port, 200)) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`memcached did not answer within ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** Waits until memcached runs with a new PID, answers, and the supervisor had a cycle to see it. */
export async function settled(pidfile: string, port: number, previous: number | null): Promise<number> {
  const pid = await waitUntil('memcached running', async () => {
    const p = pidOf(pidfile);
    return p !== null && p !== previous && isLive(p) && (await answersVersion(port, 500)) ? p : null;
  }, 60000, 50);
  await sleep(2500);
  return pid;
}

/** One way of breaking memcached over and over, and what the supervisor is told to do about it. */
export interface Disruption {
  /** Scenario name: the temp directory's tag and the row's scenario. */
  name: string;
  title: string;
  rule(port: number): string;
  stop?(dir: string): string;
  startTimeoutS?: number;
  signal: NodeJS.Signals;
  /** Milliseconds to wait before each signal. */
  delayMs(): number;
  answerTimeoutMs: number;
  reps: { quick: number; full: number };
  metric(reps: number): string;
  goal: string;
  /** The goal is met when tsmonit's median <= goalFactor x monit's. */
  goalFactor: number;
}

/** Under one tool, `reps` times: signal memcached, time until a new connection gets an answer again. */
async function timeRecoveries(tool: Tool, ctx: Context, reps: number, d: Disruption): Promise<number[]> {
  const dir = ctx.tempDir(`${d.name}-${tool}`);
  const port = await freePort();
  const svc = memcachedService(dir, port, [d.rule(port)], d.stop?.(dir), d.startTimeoutS);
  const running = await startSupervisor(tool, { dir, cycleS: 1, httpPort: await freePort(), user: 'bench', password: 'benchpw', services: [svc] }, ctx.tools);
  const times: number[] = [];
  try {
    let pid = await settled(svc.pidfile, port, null);
    for (let i = 0; i < reps; i++) {
      await sleep(d.delayMs());
      process.kill(pid, d.signal);
      const t0 = performance.now();
      times.push(await untilAnswers(port, t0, d.answerTimeoutMs));
      if (isLive(pid)) process.kill(pid, 'SIGKILL'); // a stopped one the supervisor left behind
      pid = await settled(svc.pidfile, port, pid);
    }
  } finally {
    await running.stop();
    const last = pidOf(svc.pidfile);
    if (last !== null && isLive(last)) process.kill(last, 'SIGKILL');
  }
  ctx.log(`  ${tool}: ${times.map((t) => t.toFixed(0)).join(' ')} ms`);
  return times;
}

/** A scenario of one row: the recovery times of each tool side by side. */
export function memcachedScenario(d: Disruption): Scenario {
  return {
    name: d.name,
    title: d.title,
    async run(ctx) {
      const reps = ctx.quick ? d.reps.quick : d.reps.full;
      const result: Record<Tool, number[]> = { tsmonit: [], monit: [] };
      for (const tool of ctx.sides) result[tool] = await timeRecoveries(tool, ctx, reps, d);
      const ours = summarize(result.tsmonit);
      const theirs = summarize(result.monit);
      const row: Row = {
        scenario: d.name,
        metric: d.metric(reps),
        unit: 'ms',
        tsmonit: ours,
        monit: theirs,
        goal: d.goal,
        met: ours && theirs ? ours.median <= d.goalFactor * theirs.median : null,
      };
      return [row];
    },
  };
}
