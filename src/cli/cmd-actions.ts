// start|stop|restart|monitor|unmonitor: POST /api/v1/actions. Without --wait it returns once the daemon
// accepted (monit's behaviour, silent); with --wait it blocks on ?wait=SECONDS and prints each result.
import type { ActionOutcome, ServiceActionType, ServiceStatus, StatusSnapshot } from '../daemon/facade.ts';
import type { Limits } from '../model/config.ts';
import { MAX_WAIT_SECONDS } from './args.ts';
import { CliError } from './cli-error.ts';
import { DEFAULT_TIMEOUT_MS, type DaemonClient } from './daemon-client.ts';
import { Progress } from './progress.ts';
import { namesMatching, unknownService } from './select.ts';
import type { Output } from './terminal.ts';

export interface ActionCall {
  action: ServiceActionType;
  pattern?: string;
  group?: string;
  /** Seconds; null: as long as the daemon's own timeouts allow; undefined: do not wait. */
  waitSeconds?: number | null;
}

/** --wait without a value: the daemon's stop and start timeouts for each named service, plus slack. */
export function defaultWaitSeconds(limits: Limits, targets: number): number {
  const perService = (limits.startTimeoutMs + limits.stopTimeoutMs) / 1000;
  return Math.min(MAX_WAIT_SECONDS, Math.ceil(Math.max(1, targets) * perService + 10));
}

interface Target {
  body: { services: string[] } | { group: string };
  shown: (s: ServiceStatus) => boolean;
  count: number;
  label: string;
}

async function target(call: ActionCall, client: DaemonClient): Promise<Target> {
  if (call.group !== undefined) {
    const group = call.group;
    return { body: { group }, shown: (s) => s.groups.includes(group), count: 0, label: `group ${group}` };
  }
  const pattern = call.pattern!;
  if (pattern === 'all') return { body: { services: ['all'] }, shown: () => true, count: 0, label: 'all' };
  const snapshot = await client.json<StatusSnapshot>('GET', '/api/v1/services');
  const names = namesMatching(snapshot.services.map((s) => s.name), pattern);
  if (names.length === 0) throw unknownService(pattern);
  const set = new Set(names);
  const label = names.length === 1 ? `'${names[0]}'` : `${names.length} services`;
  return { body: { services: names }, shown: (s) => set.has(s.name), count: names.length, label };
}

async function countShown(client: DaemonClient, t: Target): Promise<number> {
  const snapshot = await client.json<StatusSnapshot>('GET', '/api/v1/services');
  return snapshot.services.filter(t.shown).length;
}

function report(results: readonly ActionOutcome[], out: Output): number {
  let failed = 0;
  for (const r of results) {
    const took = r.durationMs !== undefined ? ` (${(r.durationMs / 1000).toFixed(1)} s)` : '';
    if (r.state === 'done') {
      out.out(`'${r.service}' ${r.action}: ${r.message}${took}\n`);
      continue;
    }
    failed++;
    const verdict = r.state === 'timeout' ? 'did not finish in time' : 'failed';
    out.err(`tsmonit: '${r.service}' ${r.action} ${verdict}: ${r.message}${took}`);
    for (const line of (r.output ?? '').split('\n')) if (line.trim() !== '') out.err(`  ${line}`);
  }
  return failed === 0 ? 0 : 1;
}

export async function runAction(call: ActionCall, client: DaemonClient, limits: Limits, out: Output): Promise<number> {
  const t = await target(call, client);
  const body = { action: call.action, ...t.body };
  if (call.waitSeconds === undefined) {
    await client.json('POST', '/api/v1/actions', body);
    return 0;
  }
  const seconds = call.waitSeconds ?? defaultWaitSeconds(limits, t.count > 0 ? t.count : await countShown(client, t));
  const progress = new Progress(out, client, `${call.action} ${t.label}`, t.shown);
  progress.start();
  let answer: { results: ActionOutcome[] };
  try {
    answer = await client.json('POST', `/api/v1/actions?wait=${seconds}`, body, seconds * 1000 + DEFAULT_TIMEOUT_MS);
  } finally {
    progress.stop();
  }
  if (!Array.isArray(answer.results)) throw new CliError('the daemon answered the action without results');
  return report(answer.results, out);
}
