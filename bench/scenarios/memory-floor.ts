// 7. Memory floor: what a node process holds before tsmonit's own work, next to tsmonit itself. VmRSS, RssAnon
// and RssFile from /proc/PID/status for bare node, node with the libraries tsmonit loads at start (and a
// fastify server), tsmonit without services, tsmonit at N=200 (the overhead scenario's farm and rules, daemon 1),
// the same with a 1 MB semi-space, and monit at N=200. Each row starts several processes side by side, lets
// them settle, samples them over a window (RSS moves as V8 grows and shrinks its young generation), and takes
// each process's median; the row is the median over the processes. V8's heap spaces come from node's
// diagnostic report, asked for after the last sample.
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { heapSpaces, reportFlags, type HeapSpacesMb } from '../lib/heap-report.ts';
import { freePort, startIdleFarm, type IdleFarm } from '../lib/idle-farm.ts';
import { loadAverage, memoryMb, type MemoryMb } from '../lib/procfs.ts';
import type { Context, Row, Scenario } from '../lib/scenario.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { startSupervisor, type Tool } from '../lib/supervisors.ts';
import { sleep, waitUntil } from '../lib/wait.ts';
import { idleRules } from './overhead.ts';

/** What tsmonit imports at start (prom-client and nodemailer load lazily), resolved as tsmonit's ESM imports. */
const LIBRARIES: Record<string, string> = {
  Fastify: 'fastify',
  basicAuth: '@fastify/basic-auth',
  yaml: 'yaml',
  pino: 'pino',
  croner: 'croner',
  ipaddr: 'ipaddr.js',
  bcrypt: 'bcryptjs',
};

// ESM like tsmonit, so the difference to the next row is the libraries (CommonJS starts ~2 MB lower).
const BARE_SCRIPT = `setInterval(() => {}, 1000);\nconsole.log('ready');\n`;

function librariesScript(): string {
  const imports = Object.entries(LIBRARIES).map(([name, spec]) => `import ${name === 'Fastify' ? name : `* as ${name}`} from ${JSON.stringify(import.meta.resolve(spec))};`);
  return `${imports.join('\n')}
globalThis.keep = [${Object.keys(LIBRARIES).join(', ')}];
const app = Fastify({ logger: false });
app.get('/', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: 0 });
setInterval(() => {}, 1000);
console.log(app.server.address().port);
`;
}

interface Subject {
  pid: number;
  /** Where its diagnostic report goes; null for monit. */
  reportDir: string | null;
  stop(): Promise<void>;
}

interface Config {
  key: string;
  label: string;
  tool: Tool;
  start(dir: string): Promise<Subject>;
}

interface Figures {
  vmRss: number[];
  rssAnon: number[];
  rssFile: number[];
  /** Highest VmRSS sample of each process. */
  peak: number[];
  heap: HeapSpacesMb[];
}

function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return Promise.race([new Promise<boolean>((r) => child.once('exit', () => r(true))), sleep(timeoutMs).then(() => false)]);
}

/** Runs a script with node; it prints one line when ready (a port, or anything). */
async function startScript(dir: string, name: string, text: string): Promise<Subject> {
  const script = join(dir, name);
  writeFileSync(script, text);
  const child = spawn(process.execPath, [...reportFlags(dir), script], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stop = async () => {
    child.kill('SIGTERM');
    if (!(await exited(child, 5000))) child.kill('SIGKILL');
  };
  try {
    await waitUntil(name, () => {
      if (child.exitCode !== null) throw new Error('exited');
      return out.includes('\n');
    }, 30000);
    const port = Number(out.trim());
    // One request, as the supervisors get one before they count as started.
    if (port > 0) await new Promise<void>((resolve, reject) => get({ host: '127.0.0.1', port, path: '/' }, (res) => res.resume().on('end', resolve)).on('error', reject));
  } catch (e) {
    await stop();
    throw new Error(`${name} did not start: ${e instanceof Error ? e.message : String(e)} ${err.slice(0, 2000)}`, { cause: e });
  }
  return { pid: child.pid!, reportDir: dir, stop };
}

function supervised(ctx: Context, tool: Tool, farm: IdleFarm | null, nodeFlags: string[]): (dir: string) => Promise<Subject> {
  return async (dir) => {
    const flags = tool === 'tsmonit' ? [...nodeFlags, ...reportFlags(dir)] : [];
    const tools = { ...ctx.tools, tsmonit: { ...ctx.tools.tsmonit, prefix: [...flags, ...ctx.tools.tsmonit.prefix] } };
    const setup = { dir, cycleS: 1, httpPort: await freePort(), user: 'bench', password: 'benchpw', services: farm?.services ?? [] };
    const running = await startSupervisor(tool, setup, tools);
    return { pid: running.pid, reportDir: tool === 'tsmonit' ? dir : null, stop: () => running.stop() };
  };
}

/** Starts all, or none: when one fails the others are stopped. */
async function startAll(starts: (() => Promise<Subject>)[]): Promise<Subject[]> {
  const settled = await Promise.allSettled(starts.map((s) => s()));
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((s) => s.stop()));
    throw failed.reason;
  }
  return started;
}

const median = (values: number[]): number => summarize(values)?.median ?? Number.NaN;

/** Every config reps times side by side: settle, sample every stepS over windowS, then the heap reports. */
async function observe(ctx: Context, configs: Config[], reps: number, timing: { settleS: number; windowS: number; stepS: number }): Promise<Map<string, Figures>> {
  const plan = configs.flatMap((c) => Array.from({ length: reps }, (_, r) => ({ config: c, dir: ctx.tempDir(`memory-floor-${c.key}-${r}`) })));
  const subjects = await startAll(plan.map((p) => () => p.config.start(p.dir)));
  const out = new Map<string, Figures>(configs.map((c) => [c.key, { vmRss: [], rssAnon: [], rssFile: [], peak: [], heap: [] }]));
  try {
    await sleep(timing.settleS * 1000);
    const load0 = loadAverage();
    const samples: MemoryMb[][] = subjects.map(() => []);
    for (let t = 0; t < timing.windowS; t += timing.stepS) {
      subjects.forEach((s, i) => {
        const m = memoryMb(s.pid);
        if (!m) throw new Error(`${plan[i]!.config.label} exited during the measurement`);
        samples[i]!.push(m);
      });
      await sleep(timing.stepS * 1000);
    }
    ctx.log(`  ${plan.map((p) => p.config.key).filter((k, i, all) => all.indexOf(k) === i).join(', ')}: ${reps} each side by side, load average ${load0.toFixed(2)} → ${loadAverage().toFixed(2)} while sampling`);
    for (const [i, s] of subjects.entries()) {
      const f = out.get(plan[i]!.config.key)!;
      const got = samples[i]!;
      f.vmRss.push(median(got.map((m) => m.vmRss)));
      f.rssAnon.push(median(got.map((m) => m.rssAnon)));
      f.rssFile.push(median(got.map((m) => m.rssFile)));
      f.peak.push(Math.max(...got.map((m) => m.vmRss)));
      const heap = s.reportDir ? await heapSpaces(s.pid, s.reportDir) : null;
      if (heap) f.heap.push(heap);
    }
  } finally {
    await Promise.all(subjects.map((s) => s.stop()));
  }
  return out;
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const num = (values: number[]): string => (values.length === 0 ? '–' : median(values).toFixed(1)).padStart(9);

function sideBySide(ctx: Context, configs: Config[], figures: Map<string, Figures>): void {
  ctx.log(`  ${pad('MB, median over the processes', 44)}    VmRSS  RssAnon  RssFile  VmRSS peak  V8 new space  old space  code space`);
  for (const c of configs) {
    const f = figures.get(c.key)!;
    const h = (pick: (x: HeapSpacesMb) => number) => num(f.heap.map(pick));
    ctx.log(`  ${pad(c.label, 44)}${num(f.vmRss)}${num(f.rssAnon)}${num(f.rssFile)}   ${num(f.peak)}     ${h((x) => x.newSpace)}  ${h((x) => x.oldSpace)}   ${h((x) => x.codeSpace)}`);
  }
}

function rowsOf(c: Config, f: Figures, theirs: Figures | undefined, windowS: number): Row[] {
  const metrics: [string, keyof Omit<Figures, 'heap' | 'peak'>][] = [['VmRSS', 'vmRss'], ['RssAnon', 'rssAnon'], ['RssFile', 'rssFile']];
  return metrics.map(([name, key]) => {
    const ours: Summary | null = summarize(f[key]);
    const row: Row = { scenario: 'memory-floor', metric: `${name}, ${c.label}`, unit: 'MB', tsmonit: ours, monit: theirs ? summarize(theirs[key]) : null };
    if (c.key === 'tsmonit-200' && key === 'vmRss') Object.assign(row, { goal: '≤ 64 MB', met: ours ? ours.max <= 64 : null });
    if (key === 'rssAnon' && f.heap.length > 0) row.note = `V8 new space ${median(f.heap.map((x) => x.newSpace)).toFixed(1)} MB`;
    if (key === 'vmRss' && c.key === 'node') row.note = `each process's median over ${windowS} s, then the median over the processes`;
    return row;
  });
}

export const scenario: Scenario = {
  name: 'memory-floor',
  title: 'Memory floor: node, the libraries, tsmonit (N=0, N=200), monit',
  async run(ctx) {
    const timing = ctx.quick ? { settleS: 5, windowS: 10, stepS: 1 } : { settleS: 20, windowS: 60, stepS: 2 };
    const reps = ctx.quick ? 2 : 3;
    ctx.log(`  each process settles ${timing.settleS} s, then is sampled every ${timing.stepS} s for ${timing.windowS} s`);
    const floor: Config[] = [
      { key: 'node', label: 'bare node (ESM, idle timer)', tool: 'tsmonit', start: (dir) => startScript(dir, 'bare.mjs', BARE_SCRIPT) },
      { key: 'libraries', label: 'node + libraries + fastify server', tool: 'tsmonit', start: (dir) => startScript(dir, 'libraries.mjs', librariesScript()) },
      { key: 'tsmonit-0', label: 'tsmonit, no services (httpd on)', tool: 'tsmonit', start: supervised(ctx, 'tsmonit', null, []) },
    ];
    const figures = await observe(ctx, floor, reps, timing);
    const farm = await startIdleFarm(ctx.tempDir('memory-floor-farm'), 200, idleRules);
    const loaded: Config[] = [
      { key: 'tsmonit-200', label: 'tsmonit, N=200', tool: 'tsmonit', start: supervised(ctx, 'tsmonit', farm, []) },
      { key: 'tsmonit-200-semi1', label: 'tsmonit, N=200, --max-semi-space-size=1', tool: 'tsmonit', start: supervised(ctx, 'tsmonit', farm, ['--max-semi-space-size=1']) },
      ...(ctx.sides.includes('monit') ? [{ key: 'monit-200', label: 'monit, N=200', tool: 'monit' as const, start: supervised(ctx, 'monit', farm, []) }] : []),
    ];
    try {
      for (const [k, f] of await observe(ctx, loaded, reps, timing)) figures.set(k, f);
    } finally {
      farm.stop();
    }
    const configs = [...floor, ...loaded];
    sideBySide(ctx, configs, figures);
    const monit = figures.get('monit-200');
    return configs
      .filter((c) => c.tool === 'tsmonit')
      .flatMap((c) => rowsOf(c, figures.get(c.key)!, c.key.startsWith('tsmonit-200') ? monit : undefined, timing.windowS));
  },
};
