// `every N cycles`, `every "cron"`, `not every "cron"`: is a service checked in this cycle?
import { Cron } from 'croner';
import type { ServiceSpec } from '../model/service.ts';
import type { ServiceState } from '../model/state.ts';

const MINUTE_MS = 60_000;
// Parsed patterns, kept because the same few strings are matched every cycle. null: the pattern does not parse.
const patterns = new Map<string, Cron | null>();

function parsed(pattern: string): Cron | null {
  if (!patterns.has(pattern)) {
    try {
      // monit ANDs day of month and day of week (every field must match).
      patterns.set(pattern, new Cron(pattern, { domAndDow: true }));
    } catch {
      patterns.set(pattern, null);
    }
  }
  return patterns.get(pattern) ?? null;
}

/** Does the local-time minute holding `now` match? null when the pattern is not valid (config rejects those). */
export function cronMatches(pattern: string, now: number): boolean | null {
  const cron = parsed(pattern);
  if (!cron) return null;
  return cron.match(new Date(Math.floor(now / MINUTE_MS) * MINUTE_MS));
}

/**
 * `cycle` counts daemon cycles from 0. A cron schedule runs at most once per matching minute (the minute is kept
 * in state). A service that is skipped while monitored shows 'waiting'. An invalid pattern never stops a check.
 */
export function isDue(spec: ServiceSpec, state: ServiceState, cycle: number, now: number): { due: boolean; state: ServiceState } {
  let due = !(spec.notEvery !== undefined && cronMatches(spec.notEvery, now) === true);
  let next = state;
  const every = spec.every;
  if (due && every?.kind === 'cycles') due = cycle % Math.max(1, every.cycles) === 0;
  if (due && every?.kind === 'cron') {
    const minute = Math.floor(now / MINUTE_MS);
    due = cronMatches(every.cron, now) !== false && state.lastCronMinute !== minute;
    if (due) next = { ...state, lastCronMinute: minute };
  }
  if (!due && state.monitoring === 'monitored') next = { ...next, monitoring: 'waiting' };
  return { due, state: next };
}
