// 5. HTTP: autocannon (16 connections, basic auth) against tsmonit's /api/v1/services and
// /_status?format=xml and monit's /_status?format=xml, with N=200 idle services.
// Goals: requests/s >= 5x monit's; p99 <= 50 ms. Each run also loads the page with a new connection per
// request (lib/fresh-connections.ts): the latencies that compare fairly with monit's HTTP/1.0 server.
import autocannon from 'autocannon';
import { freshConnections } from '../lib/fresh-connections.ts';
import { freePort, startIdleFarm } from '../lib/idle-farm.ts';
import type { Context, Row, Scenario } from '../lib/scenario.ts';
import { summarize, type Summary } from '../lib/stats.ts';
import { startSupervisor, type Running, type Tool } from '../lib/supervisors.ts';
import { sleep } from '../lib/wait.ts';
import { idleRules } from './overhead.ts';

interface Load {
  rps: number[];
  p50: number[];
  p99: number[];
  bad: number;
  /** Bytes per answer (autocannon's total over its requests): the whole page, not a short answer. */
  bytes: number[];
  /** The same, each request on a new connection. */
  fresh: { rps: number[]; p50: number[]; p99: number[] };
}

async function load(running: Running, path: string, seconds: number, reps: number): Promise<Load> {
  const auth = `Basic ${Buffer.from(`${running.setup.user}:${running.setup.password}`).toString('base64')}`;
  const out: Load = { rps: [], p50: [], p99: [], bad: 0, bytes: [], fresh: { rps: [], p50: [], p99: [] } };
  for (let i = 0; i < reps; i++) {
    const r = await autocannon({ url: `http://127.0.0.1:${running.setup.httpPort}${path}`, connections: 16, duration: seconds, headers: { authorization: auth } });
    out.rps.push(r.requests.average);
    out.p50.push(r.latency.p50);
    out.p99.push(r.latency.p99);
    out.bad += r.non2xx + r.errors + r.timeouts;
    const received = (r as unknown as { throughput: { total: number } }).throughput.total; // not in lib/autocannon.d.ts
    out.bytes.push(r.requests.total > 0 ? received / r.requests.total : 0);
    const f = await freshConnections(running.setup.httpPort, path, auth, 16, seconds);
    out.fresh.rps.push(f.rps);
    out.fresh.p50.push(f.p50);
    out.fresh.p99.push(f.p99);
    out.bad += f.failed;
  }
  return out;
}

async function measure(tool: Tool, ctx: Context, seconds: number, reps: number): Promise<Map<string, Load>> {
  const dir = ctx.tempDir(`http-${tool}`);
  const farm = await startIdleFarm(dir, 200, idleRules);
  const loads = new Map<string, Load>();
  try {
    const running = await startSupervisor(tool, { dir, cycleS: 1, httpPort: await freePort(), user: 'bench', password: 'benchpw', services: farm.services }, ctx.tools);
    try {
      await sleep(3000); // a few cycles, so every service has data
      const paths = tool === 'tsmonit' ? ['/api/v1/services', '/_status?format=xml'] : ['/_status?format=xml'];
      for (const path of paths) {
        const got = await load(running, path, seconds, reps);
        loads.set(path, got);
        ctx.log(`  ${tool} ${path}: autocannon ${got.rps.map((x) => x.toFixed(0)).join(' ')} req/s, p99 ${got.p99.join(' ')} ms, ${(Math.max(...got.bytes) / 1024).toFixed(0)} KB per answer; new connections ${got.fresh.rps.map((x) => x.toFixed(0)).join(' ')} req/s, p99 ${got.fresh.p99.map((x) => x.toFixed(1)).join(' ')} ms; ${got.bad} errors/non-2xx`);
      }
    } finally {
      await running.stop();
    }
  } finally {
    farm.stop();
  }
  return loads;
}

function rows(path: string, ours: Load | undefined, theirs: Load | undefined): Row[] {
  const rps: Summary | null = summarize(ours?.rps ?? []);
  const theirsRps = summarize(theirs?.rps ?? []);
  const p99 = summarize(ours?.p99 ?? []);
  const bad = ours && ours.bad > 0 ? `(${ours.bad} errors or non-2xx)` : undefined;
  return [
    {
      scenario: 'http',
      metric: `${path} requests/s`,
      unit: 'req/s',
      tsmonit: rps,
      monit: theirsRps,
      goal: '≥ 5× monit',
      met: rps && theirsRps ? rps.median >= 5 * theirsRps.median : null,
      ...(bad ? { note: bad } : {}),
    },
    { scenario: 'http', metric: `${path} p50 latency`, unit: 'ms', tsmonit: summarize(ours?.p50 ?? []), monit: summarize(theirs?.p50 ?? []), note: '(autocannon: not comparable for monit, see below)' },
    { scenario: 'http', metric: `${path} p99 latency`, unit: 'ms', tsmonit: p99, monit: summarize(theirs?.p99 ?? []), goal: '≤ 50 ms', met: p99 ? p99.max <= 50 : null },
    { scenario: 'http', metric: `${path} new connection per request, requests/s`, unit: 'req/s', tsmonit: summarize(ours?.fresh.rps ?? []), monit: summarize(theirs?.fresh.rps ?? []) },
    { scenario: 'http', metric: `${path} new connection per request, p50 latency`, unit: 'ms', tsmonit: summarize(ours?.fresh.p50 ?? []), monit: summarize(theirs?.fresh.p50 ?? []) },
    { scenario: 'http', metric: `${path} new connection per request, p99 latency`, unit: 'ms', tsmonit: summarize(ours?.fresh.p99 ?? []), monit: summarize(theirs?.fresh.p99 ?? []) },
  ];
}

export const scenario: Scenario = {
  name: 'http',
  title: 'HTTP status pages under load (N=200, 16 connections)',
  async run(ctx) {
    const [seconds, reps] = ctx.quick ? [3, 1] : [10, 3];
    const got: Partial<Record<Tool, Map<string, Load>>> = {};
    for (const tool of ctx.sides) got[tool] = await measure(tool, ctx, seconds, reps);
    const monitXml = got.monit?.get('/_status?format=xml');
    return [
      ...rows('/api/v1/services', got.tsmonit?.get('/api/v1/services'), monitXml),
      ...rows('/_status?format=xml', got.tsmonit?.get('/_status?format=xml'), monitXml),
    ];
  },
};
