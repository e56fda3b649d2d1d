// One check of one service: observe (pidfile, process table, probes, paths, programs, links), then the engine decides.
import { networkRates, resolveProcess } from '../engine/index.ts';
import type { Limits } from '../model/config.ts';
import type { ContentCursor, Observation, ProcessSnapshot, SystemSample } from '../model/observation.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { ProcessIdentity } from '../model/state.ts';
import type { DaemonDeps } from './deps.ts';
import { observePath } from './observe-paths.ts';
import { runCheckProgram } from './observe-program.ts';
import { connectionRules, probeConnections } from './probe-connections.ts';

export { connectionRules, defaultProbeHost } from './probe-connections.ts';

export interface ObserveInput {
  spec: ServiceSpec;
  identity: ProcessIdentity | null;
  snapshot: ProcessSnapshot;
  system: SystemSample | null;
  limits: Limits;
  /** An early check between cycles looks at existence only: no probes, no programs, no content. */
  outOfCycle: boolean;
  /** Where a file's content reading goes on (the service state's cursor). */
  contentCursor?: ContentCursor | null;
  /** The previous check's observation: network rates are deltas against it. */
  previous?: Observation | null;
  /** Aborted when tsmonit quits: a check program still running is ended with its process group. */
  signal?: AbortSignal;
}

export async function observe(deps: DaemonDeps, input: ObserveInput): Promise<Observation> {
  const { spec } = input;
  const observation: Observation = { at: deps.clock.now(), probes: {} };
  switch (spec.type) {
    case 'process': {
      const pidfile = spec.pidfile === undefined ? undefined : await deps.processTable.readPidfile(spec.pidfile);
      observation.process = resolveProcess(spec, pidfile, input.snapshot, input.identity, deps.selfPid);
      break;
    }
    case 'system':
      if (input.system) observation.system = input.system;
      break;
    case 'file':
    case 'directory':
    case 'fifo':
    case 'filesystem':
      await observePath(deps, { spec, limits: input.limits, contentCursor: input.contentCursor ?? null, outOfCycle: input.outOfCycle }, observation);
      break;
    case 'program':
      if (!input.outOfCycle) observation.program = await runCheckProgram(deps, spec, input.limits, input.signal);
      break;
    case 'network': {
      const net = await deps.networks.read({ ...(spec.interface !== undefined ? { interface: spec.interface } : {}), ...(spec.address !== undefined ? { address: spec.address } : {}) });
      const before = input.previous?.network;
      const rates = before && before.interface === net.interface ? networkRates(before.counters, net.counters) : null;
      observation.network = { ...net, rates };
      break;
    }
    case 'host':
      break;
  }
  const processMissing = spec.type === 'process' && observation.process?.found === null;
  if (!processMissing && !input.outOfCycle && connectionRules(spec).length > 0) {
    observation.probes = await probeConnections(deps, spec, input.limits, observation.process?.found, input.signal);
  }
  return observation;
}
