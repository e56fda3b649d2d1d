// 4. Stall: 100 services at daemon 1; one probes a server that accepts and never answers (timeout 5 s),
// one has a start program that hangs for 30 s. Figure: the largest gap between two checks of any other
// service, read from each service's collected time in /_status?format=xml (the same page on both tools).
// Goal: <= 1.1 s (monit's sequential cycle stalls for the whole wait).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../lib/build.ts';
import type { BenchService } from '../lib/control-files.ts';
import { freePort, startIdleFarm } from '../lib/idle-farm.ts';
import type { Context, Row, Scenario } from '../lib/scenario.ts';
import { summarize } from '../lib/stats.ts';
import { startSupervisor, type Running, type Tool } from '../lib/supervisors.ts';
import { sleep, waitUntil } from '../lib/wait.ts';

const NAME = /<name>([^<]*)<\/name>/;
const COLLECTED = /<collected_sec>(\d+)<\/collected_sec>\s*<collected_usec>(\d+)<\/collected_usec>/;

/** [name, ms] of every service element that has a collected time. */
export function collectedTimes(xml: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const chunk of xml.split('<service ').slice(1)) {
    const name = NAME.exec(chunk);
    const at = COLLECTED.exec(chunk);
    if (name && at) out.push([name[1]!, Number(at[1]) * 1000 + Math.floor(Number(at[2]) / 1000)]);
  }
  return out;
}

/** Every distinct check time seen per service, in ms. */
async function watchChecks(running: Running, seconds: number): Promise<Map<string, number[]>> {
  const seen = new Map<string, number[]>();
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    try {
      const { body } = await running.get('/_status?format=xml');
      for (const [name, at] of collectedTimes(body)) {
        const list = seen.get(name) ?? [];
        if (list[list.length - 1] !== at) list.push(at);
        seen.set(name, list);
      }
    } catch {
      // a slow answer is itself part of what is measured through the gaps
    }
    await sleep(250);
  }
  return seen;
}

function largestGapS(times: readonly number[]): number {
  let gap = 0;
  for (let i = 1; i < times.length; i++) gap = Math.max(gap, times[i]! - times[i - 1]!);
  return gap / 1000;
}

async function measure(tool: Tool, ctx: Context, seconds: number): Promise<number[]> {
  const dir = ctx.tempDir(`stall-${tool}`);
  const silent = spawn(process.execPath, [`${ROOT}test/fixtures/silent-server.js`, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  silent.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const farm = await startIdleFarm(dir, 98, () => ['if cpu > 90% for 3 cycles then alert']);
  try {
    const silentPort = Number((await waitUntil('silent server', () => /listening (\d+)/.exec(out), 10000))[1]);
    const special: BenchService[] = [
      { name: 'silentprobe', pidfile: farm.services[0]!.pidfile, rules: [`if failed host 127.0.0.1 port ${silentPort} protocol http with timeout 5 seconds then alert`] },
      { name: 'hangingstart', pidfile: join(dir, 'never.pid'), start: { program: '/bin/sleep 30', timeoutS: 30 }, rules: [] },
    ];
    const running = await startSupervisor(tool, { dir, cycleS: 1, httpPort: await freePort(), user: 'bench', password: 'benchpw', services: [...special, ...farm.services] }, ctx.tools);
    try {
      const seen = await watchChecks(running, seconds);
      const gaps = [...seen].filter(([name]) => name.startsWith('idle')).map(([, times]) => largestGapS(times));
      const checks = [...seen].filter(([name]) => name.startsWith('idle')).reduce((n, [, t]) => n + t.length, 0);
      ctx.log(`  ${tool}: ${gaps.length} services watched, ${checks} checks seen, largest gap ${Math.max(...gaps).toFixed(2)} s`);
      return gaps;
    } finally {
      await running.stop();
    }
  } finally {
    farm.stop();
    silent.kill('SIGKILL');
  }
}

export const scenario: Scenario = {
  name: 'stall',
  title: 'Stall: a silent probe and a hanging start among 100 services',
  async run(ctx) {
    const seconds = ctx.quick ? 40 : 75;
    const result: Record<Tool, number[]> = { tsmonit: [], monit: [] };
    for (const tool of ctx.sides) result[tool] = await measure(tool, ctx, seconds);
    // One figure per run: the largest gap of any other service.
    const ours = result.tsmonit.length ? summarize([Math.max(...result.tsmonit)]) : null;
    const theirs = result.monit.length ? summarize([Math.max(...result.monit)]) : null;
    const row: Row = {
      scenario: 'stall',
      metric: `largest gap between checks of the 98 others, ${seconds} s`,
      unit: 's',
      tsmonit: ours,
      monit: theirs,
      goal: '≤ 1.1 s',
      met: ours ? ours.max <= 1.1 : null,
      note: `(median of per-service largest gaps: tsmonit ${summarize(result.tsmonit)?.median.toFixed(2) ?? 'n/a'} s, monit ${summarize(result.monit)?.median.toFixed(2) ?? 'n/a'} s)`,
    };
    return [row];
  },
};
