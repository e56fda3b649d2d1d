// The connection tests of one check: host checks ping first (a failed ping skips the host's port tests in that
// cycle, as monit does); a process younger than its start timeout has its port failures held back (monit's
// "initializing"), so a service still coming up is not restarted for being slow to listen.
import type { Limits } from '../model/config.ts';
import type { ProbeResult, ProcessFigures } from '../model/observation.ts';
import type { ConnectionTest, Rule } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { DaemonDeps } from './deps.ts';

type ConnectionRule = Rule & { test: ConnectionTest };

// A spec does not change once loaded (a reload builds new ones): its connection rules are picked out once.
const connectionRulesOf = new WeakMap<ServiceSpec, readonly ConnectionRule[]>();

export function connectionRules(spec: ServiceSpec): readonly ConnectionRule[] {
  let rules = connectionRulesOf.get(spec);
  if (!rules) {
    rules = spec.rules.filter((r): r is ConnectionRule => r.test.kind === 'connection');
    connectionRulesOf.set(spec, rules);
  }
  return rules;
}

export function defaultProbeHost(spec: ServiceSpec): string {
  return spec.type === 'host' ? spec.address : 'localhost';
}

async function probeAll(deps: DaemonDeps, spec: ServiceSpec, rules: readonly ConnectionRule[], limits: Limits, signal?: AbortSignal): Promise<ProbeResult[]> {
  return Promise.all(
    rules.map((rule) =>
      deps.prober.probe(rule.test, {
        defaultHost: defaultProbeHost(spec),
        timeoutMs: rule.test.timeoutMs ?? limits.networkTimeoutMs,
        sendExpectBufferBytes: limits.sendExpectBufferBytes,
        httpContentBufferBytes: limits.httpContentBufferBytes,
        ...(signal ? { signal } : {}),
      }),
    ),
  );
}

/** How long a freshly started process may fail its port tests: its start program's timeout. */
function startGraceMs(spec: ServiceSpec, limits: Limits): number {
  if (spec.type !== 'process' || !spec.start) return 0;
  return spec.start.timeoutMs ?? limits.startTimeoutMs;
}

function heldBack(result: ProbeResult, found: ProcessFigures, graceMs: number): ProbeResult {
  if (result.ok || result.skipped) return result;
  const message = `initializing: the process started ${Math.floor(found.uptimeS)} s ago, within its start timeout of ${Math.round(graceMs / 1000)} s (${result.message})`;
  return { ...result, skipped: true, message };
}

export async function probeConnections(
  deps: DaemonDeps,
  spec: ServiceSpec,
  limits: Limits,
  found: ProcessFigures | null | undefined,
  signal?: AbortSignal,
): Promise<Record<string, ProbeResult>> {
  const rules = connectionRules(spec);
  const out: Record<string, ProbeResult> = {};
  const pings = spec.type === 'host' ? rules.filter((r) => r.test.target.type === 'ping') : [];
  const others = rules.filter((r) => !pings.includes(r));
  const pinged = await probeAll(deps, spec, pings, limits, signal);
  pings.forEach((rule, i) => (out[rule.id] = pinged[i]!));
  const pingFailed = pinged.find((r) => !r.ok && !r.skipped);
  if (pingFailed) {
    for (const rule of others) {
      out[rule.id] = { ok: false, responseTimeMs: null, skipped: true, message: `not tested: ping to ${defaultProbeHost(spec)} failed (${pingFailed.message})` };
    }
    return out;
  }
  const results = await probeAll(deps, spec, others, limits, signal);
  const graceMs = startGraceMs(spec, limits);
  const young = found && graceMs > 0 && found.uptimeS * 1000 < graceMs ? found : null;
  others.forEach((rule, i) => (out[rule.id] = young ? heldBack(results[i]!, young, graceMs) : results[i]!));
  return out;
}
