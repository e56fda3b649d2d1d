// 6. CLI: wall time of `tsmonit status` / `tsmonit summary` and `monit status` / `monit summary` with
// N=200 idle services (each command a new process, as a user runs it).
import { freePort, startIdleFarm } from '../lib/idle-farm.ts';
import type { Context, Scenario } from '../lib/scenario.ts';
import { summarize } from '../lib/stats.ts';
import { startSupervisor, type Tool } from '../lib/supervisors.ts';
import { sleep } from '../lib/wait.ts';
import { idleRules } from './overhead.ts';

const COMMANDS = ['status', 'summary'];

async function measure(tool: Tool, ctx: Context, reps: number): Promise<Map<string, number[]>> {
  const dir = ctx.tempDir(`cli-${tool}`);
  const farm = await startIdleFarm(dir, 200, idleRules);
  const times = new Map<string, number[]>();
  try {
    const running = await startSupervisor(tool, { dir, cycleS: 1, httpPort: await freePort(), user: 'bench', password: 'benchpw', services: farm.services }, ctx.tools);
    try {
      await sleep(3000);
      for (const command of COMMANDS) {
        const list: number[] = [];
        for (let i = 0; i < reps; i++) {
          const r = await running.cli(['-B', command]);
          if (r.code !== 0) throw new Error(`${tool} ${command} exited ${r.code}: ${r.out.slice(0, 500)}`);
          if (!r.out.includes('idle199')) throw new Error(`${tool} ${command} did not list every service: ${r.out.slice(0, 300)}`);
          list.push(r.ms);
        }
        times.set(command, list);
        ctx.log(`  ${tool} ${command}: ${list.map((t) => t.toFixed(0)).join(' ')} ms`);
      }
    } finally {
      await running.stop();
    }
  } finally {
    farm.stop();
  }
  return times;
}

export const scenario: Scenario = {
  name: 'cli',
  title: 'CLI status and summary (N=200)',
  async run(ctx) {
    const reps = ctx.quick ? 3 : 10;
    const got: Partial<Record<Tool, Map<string, number[]>>> = {};
    for (const tool of ctx.sides) got[tool] = await measure(tool, ctx, reps);
    return COMMANDS.map((command) => ({
      scenario: 'cli',
      metric: `${command}, ${reps} runs`,
      unit: 'ms',
      tsmonit: summarize(got.tsmonit?.get(command) ?? []),
      monit: summarize(got.monit?.get(command) ?? []),
    }));
  },
};
