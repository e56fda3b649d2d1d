// 1. Recovery: memcached (-d -P pidfile) SIGKILLed at random points of the 1 s cycle; time from the kill
// until a new connection gets an answer to `version`. Goal: median <= 0.25x monit's.
import { freePort } from '../lib/idle-farm.ts';
import { answersVersion, memcachedService, pidOf } from '../lib/memcached.ts';
import { isLive } from '../lib/procfs.ts';
import type { Context, Row, Scenario } from '../lib/scenario.ts';
import { summarize } from '../lib/stats.ts';
import { startSupervisor, type Tool } from '../lib/supervisors.ts';
import { sleep, waitUntil } from '../lib/wait.ts';

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

async function measure(tool: Tool, ctx: Context, kills: number): Promise<number[]> {
  const dir = ctx.tempDir(`recovery-${tool}`);
  const port = await freePort();
  const svc = memcachedService(dir, port, [`if failed host 127.0.0.1 port ${port} protocol memcache then restart`]);
  const running = await startSupervisor(tool, { dir, cycleS: 1, httpPort: await freePort(), user: 'bench', password: 'benchpw', services: [svc] }, ctx.tools);
  const times: number[] = [];
  try {
    let pid = await settled(svc.pidfile, port, null);
    for (let i = 0; i < kills; i++) {
      await sleep(Math.random() * 1000); // a random point of the cycle
      process.kill(pid, 'SIGKILL');
      const t0 = performance.now();
      times.push(await untilAnswers(port, t0, 60000));
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

export const scenario: Scenario = {
  name: 'recovery',
  title: 'Recovery after SIGKILL (memcached, daemon 1)',
  async run(ctx) {
    const kills = ctx.quick ? 5 : 15;
    const result: Record<Tool, number[]> = { tsmonit: [], monit: [] };
    for (const tool of ctx.sides) result[tool] = await measure(tool, ctx, kills);
    const ours = summarize(result.tsmonit);
    const theirs = summarize(result.monit);
    const row: Row = {
      scenario: 'recovery',
      metric: `kill → answers version, ${kills} kills`,
      unit: 'ms',
      tsmonit: ours,
      monit: theirs,
      goal: '≤ 0.25× monit',
      met: ours && theirs ? ours.median <= 0.25 * theirs.median : null,
    };
    return [row];
  },
};
