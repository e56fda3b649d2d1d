// State from the state file, matched to the configuration now loaded.
import type { OnReboot, ServiceSpec } from '../model/service.ts';
import type { RuleState, ServiceState } from '../model/state.ts';
import { sanitizeHistory } from './rule-history.ts';
import { initialServiceState } from './service-state.ts';

/** The service's own onreboot wins; `mode manual` is monit's old spelling of `onreboot laststate`. */
export function effectiveOnReboot(spec: ServiceSpec, global: OnReboot): OnReboot {
  if (spec.onreboot) return spec.onreboot;
  return spec.mode === 'manual' ? 'laststate' : global;
}

/** A saved history may be hand-edited or damaged: it is only ever counted, so a bad one becomes empty or shorter. */
function restoredRule(rule: RuleState): RuleState {
  const history = sanitizeHistory(rule.history);
  return history === rule.history ? rule : { ...rule, history };
}

export function restoreState(
  spec: ServiceSpec,
  saved: ServiceState | undefined,
  opts: { rebooted: boolean; onreboot: OnReboot },
): ServiceState {
  if (!saved) return initialServiceState(spec);
  const ids = new Set(spec.rules.map((r) => r.id));
  const rules: Record<string, RuleState> = {};
  for (const [id, rule] of Object.entries(saved.rules ?? {})) {
    if (ids.has(id) && typeof rule === 'object' && rule !== null) rules[id] = restoredRule(rule);
  }
  const restored: ServiceState = { ...saved, name: spec.name, type: spec.type, rules };
  if (!opts.rebooted) return restored;
  // After a reboot the saved process is gone; its pid may now belong to anything.
  const afterReboot: ServiceState = { ...restored, identity: null };
  switch (opts.onreboot) {
    case 'start':
      return { ...afterReboot, monitoring: 'initializing' };
    case 'nostart':
      return { ...afterReboot, monitoring: 'not monitored', rules: {}, restarts: [], actionFailures: {} };
    case 'laststate':
      return afterReboot;
  }
}
