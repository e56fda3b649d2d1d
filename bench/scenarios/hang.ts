// 2. Hang: memcached SIGSTOPped; rule `if failed port P protocol memcache with timeout 5 seconds then
// restart`; time from SIGSTOP until a new connection gets an answer again. Goal: <= 1.0x monit.
// Both tools get the same stop program (SIGKILL by pidfile): monit has no default stop for a process.
// Both hold back port failures of a process younger than its start timeout ("initializing"), so the start
// timeout is 5 s here and each SIGSTOP comes when memcached has run longer than that.
import { freePort } from '../lib/idle-farm.ts';
import { memcachedService, pidOf } from '../lib/memcached.ts';
import { isLive } from '../lib/procfs.ts';
import type { Context, Row, Scenario } from '../lib/scenario.ts';
import { summarize } from '../lib/stats.ts';
import { startSupervisor, type Tool } from '../lib/supervisors.ts';
import { sleep } from '../lib/wait.ts';
import { settled, untilAnswers } from './recovery.ts';

const START_TIMEOUT_S = 5;

async function measure(tool: Tool, ctx: Context, reps: number): Promise<number[]> {
  const dir = ctx.tempDir(`hang-${tool}`);
  const port = await freePort();
  const rule = `if failed host 127.0.0.1 port ${port} protocol memcache with timeout 5 seconds then restart`;
  const svc = memcachedService(dir, port, [rule], `/bin/sh -c 'kill -9 $(cat ${dir}/memcached.pid)'`, START_TIMEOUT_S);
  const running = await startSupervisor(tool, { dir, cycleS: 1, httpPort: await freePort(), user: 'bench', password: 'benchpw', services: [svc] }, ctx.tools);
  const times: number[] = [];
  try {
    let pid = await settled(svc.pidfile, port, null);
    for (let i = 0; i < reps; i++) {
      await sleep(START_TIMEOUT_S * 1000 + Math.random() * 1000);
      process.kill(pid, 'SIGSTOP');
      const t0 = performance.now();
      times.push(await untilAnswers(port, t0, 90000));
      if (isLive(pid)) process.kill(pid, 'SIGKILL'); // should not happen: the stop program kills it
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
  name: 'hang',
  title: 'Hang via SIGSTOP (memcache protocol test, timeout 5 s)',
  async run(ctx) {
    const reps = ctx.quick ? 2 : 5;
    const result: Record<Tool, number[]> = { tsmonit: [], monit: [] };
    for (const tool of ctx.sides) result[tool] = await measure(tool, ctx, reps);
    const ours = summarize(result.tsmonit);
    const theirs = summarize(result.monit);
    const row: Row = {
      scenario: 'hang',
      metric: `SIGSTOP → answers again, ${reps} times`,
      unit: 'ms',
      tsmonit: ours,
      monit: theirs,
      goal: '≤ 1.0× monit',
      met: ours && theirs ? ours.median <= theirs.median : null,
    };
    return [row];
  },
};
