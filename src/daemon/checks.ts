// One check of one service: observe (pidfile, process table, probes), then let the engine decide.
import { resolveProcess } from '../engine/index.ts';
import type { Limits } from '../model/config.ts';
import type { Observation, ProcessSnapshot, SystemSample } from '../model/observation.ts';
import type { ConnectionTest, Rule } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { ProcessIdentity } from '../model/state.ts';
import type { DaemonDeps } from './deps.ts';

export interface ObserveInput {
  spec: ServiceSpec;
  identity: ProcessIdentity | null;
  snapshot: ProcessSnapshot;
  system: SystemSample | null;
  limits: Limits;
  /** An early check between cycles looks at existence only: no probes. */
  outOfCycle: boolean;
}

export function connectionRules(spec: ServiceSpec): Array<Rule & { test: ConnectionTest }> {
  return spec.rules.filter((r): r is Rule & { test: ConnectionTest } => r.test.kind === 'connection');
}

export function defaultProbeHost(spec: ServiceSpec): string {
  return spec.type === 'host' ? spec.address : 'localhost';
}

export async function observe(deps: DaemonDeps, input: ObserveInput): Promise<Observation> {
  const { spec } = input;
  const observation: Observation = { at: deps.clock.now(), probes: {} };
  if (spec.type === 'process') {
    const pidfile = spec.pidfile === undefined ? undefined : await deps.processTable.readPidfile(spec.pidfile);
    observation.process = resolveProcess(spec, pidfile, input.snapshot, input.identity, deps.selfPid);
  }
  if (spec.type === 'system' && input.system) observation.system = input.system;
  const processMissing = spec.type === 'process' && observation.process?.found === null;
  if (!processMissing && !input.outOfCycle) {
    const rules = connectionRules(spec);
    const results = await Promise.all(
      rules.map((rule) =>
        deps.prober.probe(rule.test, {
          defaultHost: defaultProbeHost(spec),
          timeoutMs: rule.test.timeoutMs ?? input.limits.networkTimeoutMs,
        }),
      ),
    );
    rules.forEach((rule, i) => {
      observation.probes[rule.id] = results[i]!;
    });
  }
  return observation;
}
