// Carries out what a check planned: alerts are only logged here (the AlertDispatcher sends them), exec runs its
// program, and service actions go to the ActionExecutor. None is awaited: the check that planned them goes on.
import type { PlannedAction } from '../model/evaluation.ts';
import type { ActionHost } from './action-host.ts';
import type { ActionExecutor } from './actions.ts';
import { runExec } from './exec-action.ts';
import { quote } from './messages.ts';
import type { ServiceRuntime } from './runtime.ts';

/** What carrying out an action needs: the host, the executor, and somewhere to track the work. */
export interface ActionContext {
  host: ActionHost;
  executor: ActionExecutor;
  track(promise: Promise<unknown>): void;
}

export function dispatchPlanned(ctx: ActionContext, rt: ServiceRuntime, action: PlannedAction): void {
  const { logger } = ctx.host.deps;
  const name = rt.spec.name;
  const origin = { byRule: true, reason: action.reason, ...(action.rule ? { rule: action.rule } : {}) };
  switch (action.type) {
    case 'alert': // sent by the AlertDispatcher (onEvent and afterCheck): never waits for delivery
      logger.warn(`${quote(name)} alert: ${action.reason}`, { service: name, rule: action.rule });
      return;
    case 'exec':
      ctx.track(runExec(ctx.host, rt, action));
      return;
    default: {
      logger.info(`${quote(name)} trying to ${action.type}`, { service: name, rule: action.rule });
      ctx.track(ctx.executor.perform(name, action.type, origin));
    }
  }
}
