// 3. Overhead: N idle processes with pidfiles (cpu and totalmem rules, a TCP test on every 10th), daemon 1:
// the supervisor's own CPU ms per second over windows after a warm-up, and its RSS.
// Goals: CPU <= 1.0x monit; RSS <= 64 MB at N=200.
import { startIdleFarm, freePort } from '../lib/idle-farm.ts';
import { cpuMs, rssMb } from '../lib/procfs.ts';
import type { Context, Row, Scenario } from '../lib/scenario.ts';
import { summarize } from '../lib/stats.ts';
import { startSupervisor, type Tool } from '../lib/supervisors.ts';
import { sleep } from '../lib/wait.ts';

export const idleRules = (_i: number, port: number | null): string[] => [
  'if cpu > 90% for 3 cycles then alert',
  'if totalmem > 500 MB then alert',
  ...(port !== null ? [`if failed host 127.0.0.1 port ${port} then alert`] : []),
];

interface Figures {
  cpu: number[];
  rss: number[];
}

async function measure(tool: Tool, ctx: Context, n: number, warmupS: number, windowS: number, windows: number): Promise<Figures> {
  const dir = ctx.tempDir(`overhead-${n}-${tool}`);
  const farm = await startIdleFarm(dir, n, idleRules);
  const figures: Figures = { cpu: [], rss: [] };
  try {
    const running = await startSupervisor(tool, { dir, cycleS: 1, httpPort: await freePort(), user: 'bench', password: 'benchpw', services: farm.services }, ctx.tools);
    try {
      await sleep(warmupS * 1000);
      for (let w = 0; w < windows; w++) {
        const c0 = cpuMs(running.pid);
        const t0 = performance.now();
        await sleep(windowS * 1000);
        const c1 = cpuMs(running.pid);
        const elapsedS = (performance.now() - t0) / 1000;
        if (c0 === null || c1 === null) throw new Error(`${tool} exited during the measurement`);
        figures.cpu.push((c1 - c0) / elapsedS);
        figures.rss.push(rssMb(running.pid) ?? Number.NaN);
      }
      const up = JSON.stringify(await running.get('/_status?format=xml').then((r) => r.status));
      if (up !== '200') throw new Error(`${tool} web server answered ${up}`);
    } finally {
      await running.stop();
    }
  } finally {
    farm.stop();
  }
  ctx.log(`  ${tool} N=${n}: cpu ${figures.cpu.map((c) => c.toFixed(1)).join(' ')} ms/s, rss ${figures.rss.map((r) => r.toFixed(1)).join(' ')} MB`);
  return figures;
}

export const scenario: Scenario = {
  name: 'overhead',
  title: 'Overhead of N idle processes (daemon 1)',
  async run(ctx) {
    const [warmupS, windowS, windows] = ctx.quick ? [5, 10, 3] : [30, 60, 3];
    const rows: Row[] = [];
    for (const n of [50, 200, 500]) {
      const got: Partial<Record<Tool, Figures>> = {};
      for (const tool of ctx.sides) got[tool] = await measure(tool, ctx, n, warmupS, windowS, windows);
      const cpuOurs = summarize(got.tsmonit?.cpu ?? []);
      const cpuTheirs = summarize(got.monit?.cpu ?? []);
      rows.push({
        scenario: 'overhead',
        metric: `CPU, N=${n}, ${windows}×${windowS} s`,
        unit: 'ms/s',
        tsmonit: cpuOurs,
        monit: cpuTheirs,
        goal: '≤ 1.0× monit',
        met: cpuOurs && cpuTheirs ? cpuOurs.median <= cpuTheirs.median : null,
      });
      const rssOurs = summarize(got.tsmonit?.rss ?? []);
      rows.push({
        scenario: 'overhead',
        metric: `RSS, N=${n}`,
        unit: 'MB',
        tsmonit: rssOurs,
        monit: summarize(got.monit?.rss ?? []),
        ...(n === 200 ? { goal: '≤ 64 MB', met: rssOurs ? rssOurs.max <= 64 : null } : {}),
      });
    }
    return rows;
  },
};
