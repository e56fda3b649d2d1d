// Which services a user action names: names, 'all', or a group; in dependency order.
import { dependantsOf, topologicalOrder } from '../model/dependency-graph.ts';
import { TsmonitError } from '../model/errors.ts';
import type { ServiceActionType } from '../model/evaluation.ts';
import type { ServiceSpec } from '../model/service.ts';

export const SERVICE_ACTIONS: readonly ServiceActionType[] = ['start', 'stop', 'restart', 'monitor', 'unmonitor'];

export function isServiceAction(value: unknown): value is ServiceActionType {
  return typeof value === 'string' && (SERVICE_ACTIONS as readonly string[]).includes(value);
}

export function resolveTargets(
  services: readonly ServiceSpec[],
  action: ServiceActionType,
  names: readonly string[] | undefined,
  group: string | undefined,
): string[] {
  const known = new Set(services.map((s) => s.name));
  let chosen: string[];
  if (group !== undefined) {
    chosen = services.filter((s) => s.groups.includes(group)).map((s) => s.name);
    if (chosen.length === 0) throw new TsmonitError('TSM_E_UNKNOWN_GROUP', `there is no group named "${group}"`);
  } else if (!names || names.length === 0) {
    throw new TsmonitError('TSM_E_UNKNOWN_SERVICE', 'no service named');
  } else if (names.includes('all')) {
    chosen = [...known];
  } else {
    for (const n of names) if (!known.has(n)) throw new TsmonitError('TSM_E_UNKNOWN_SERVICE', `there is no service named "${n}"`);
    chosen = [...new Set(names)];
  }
  const order = topologicalOrder(services);
  const set = new Set(chosen);
  let ordered = order.filter((n) => set.has(n));
  // A restart or stop of X already takes X's dependants along: do not act on them twice.
  if (action === 'restart' || action === 'stop') {
    ordered = ordered.filter((n) => !ordered.some((other) => other !== n && dependantsOf(services, other).includes(n)));
  }
  return action === 'stop' || action === 'unmonitor' ? ordered.reverse() : ordered;
}
