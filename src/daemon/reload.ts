// Swapping in a new config: unchanged services keep state and histories; changed ones keep what still fits.
import { effectiveOnReboot, initialServiceState, restoreState } from '../engine/index.ts';
import type { Config } from '../model/config.ts';
import { topologicalOrder } from '../model/dependency-graph.ts';
import type { ServiceSpec } from '../model/service.ts';
import { newRuntime, type ServiceRuntime } from './runtime.ts';

/** A spec's meaning, without source positions (moving a block in the file is not a change). */
export function specFingerprint(spec: ServiceSpec): string {
  return JSON.stringify(spec, (key, value: unknown) => (key === 'pos' ? undefined : value));
}

export function applyReload(runtimes: Map<string, ServiceRuntime>, config: Config): string[] {
  const next = new Map<string, ServiceRuntime>();
  for (const spec of config.services) {
    const old = runtimes.get(spec.name);
    if (!old || old.spec.type !== spec.type) {
      next.set(spec.name, newRuntime(spec, initialServiceState(spec)));
      continue;
    }
    if (specFingerprint(old.spec) !== specFingerprint(spec)) {
      old.state = restoreState(spec, old.state, { rebooted: false, onreboot: effectiveOnReboot(spec, config.onreboot) });
      old.generation += 1;
    }
    old.spec = spec;
    next.set(spec.name, old);
  }
  runtimes.clear();
  for (const [name, rt] of next) runtimes.set(name, rt);
  return topologicalOrder(config.services);
}
