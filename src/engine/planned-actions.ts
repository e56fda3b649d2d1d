// From a rule's action to what the daemon is asked to do: mode, missing programs, repetition, priority.
import type { PlannedAction } from '../model/evaluation.ts';
import type { ActionSpec } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { Figures } from './outcome.ts';

/**
 * What an action really does for this service: passive/manual mode never starts, stops or restarts from a rule,
 * and a process check with neither start nor restart program can only alert about a start or restart.
 */
export function effectiveAction(spec: ServiceSpec, action: ActionSpec): ActionSpec {
  const control = action.type === 'start' || action.type === 'stop' || action.type === 'restart';
  if (control && spec.mode !== 'active') return { type: 'alert' };
  const starts = action.type === 'start' || action.type === 'restart';
  if (starts && spec.type === 'process' && !spec.start && !spec.restart) return { type: 'alert' };
  return action;
}

/**
 * While a rule stays failed: start/stop/restart/unmonitor again every failing check (monit's behaviour, bounded
 * by restart limits); exec every `repeatEvery` checks; alert every `reminder` checks; otherwise only once.
 */
export function firesAgain(action: ActionSpec, sinceFired: number): boolean {
  switch (action.type) {
    case 'start':
    case 'stop':
    case 'restart':
    case 'unmonitor':
      return true;
    case 'exec':
      return action.repeatEvery !== undefined && action.repeatEvery > 0 && sinceFired >= action.repeatEvery;
    case 'alert':
      return action.reminder !== undefined && action.reminder > 0 && sinceFired >= action.reminder;
    case 'ignore':
      return false;
  }
}

export interface ActionContext {
  ruleId?: string;
  rule?: string;
  reason: string;
  figures?: Figures;
}

export function plannedAction(action: ActionSpec, ctx: ActionContext): PlannedAction | null {
  if (action.type === 'ignore') return null;
  const planned: PlannedAction = { type: action.type, reason: ctx.reason };
  if (action.type === 'exec') planned.command = action.command;
  if (ctx.ruleId !== undefined) planned.ruleId = ctx.ruleId;
  if (ctx.rule !== undefined) planned.rule = ctx.rule;
  if (ctx.figures !== undefined) planned.figures = ctx.figures;
  return planned;
}

const PRIORITY: Record<PlannedAction['type'], number> = {
  unmonitor: 4,
  stop: 3,
  restart: 2,
  start: 1,
  alert: 0,
  exec: 0,
};

/** At most one of start/stop/restart/unmonitor (unmonitor > stop > restart > start, first wins a tie), plus every alert and exec. */
export function selectActions(actions: readonly PlannedAction[]): PlannedAction[] {
  let chosen: PlannedAction | null = null;
  for (const a of actions) if (PRIORITY[a.type] > 0 && (chosen === null || PRIORITY[a.type] > PRIORITY[chosen.type])) chosen = a;
  return actions.filter((a) => PRIORITY[a.type] === 0 || a === chosen);
}
