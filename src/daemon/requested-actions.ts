// An action asked for through the API, the CLI or the web page: validated, logged per target, carried out in
// the background, and answered at once or once done (within the wait the caller gave).
import { TsmonitError } from '../model/errors.ts';
import type { ActionOutcome, ActionRequest } from './facade.ts';
import type { ActionContext } from './rule-actions.ts';
import { isServiceAction, resolveTargets } from './targets.ts';

export async function performRequest(ctx: ActionContext, request: ActionRequest): Promise<ActionOutcome[]> {
  const { host, executor } = ctx;
  if (!isServiceAction(request.action)) throw new TsmonitError('TSM_E_BAD_ACTION', `"${String(request.action)}" is not an action`);
  const targets = resolveTargets(host.config().services, request.action, request.services, request.group);
  const user = request.user;
  for (const name of targets) {
    host.emit({ service: name, kind: 'action', state: 'info', message: `${request.action} requested`, action: request.action, ...(user ? { user } : {}) });
  }
  const origin = { byRule: false, reason: user ? `requested by ${user}` : 'user request', ...(user ? { user } : {}) };
  const run = (async () => {
    const outcomes: ActionOutcome[] = [];
    for (const name of targets) outcomes.push(await executor.perform(name, request.action, origin));
    return outcomes;
  })();
  ctx.track(run);
  if (!request.waitMs) return targets.map((service) => ({ service, action: request.action, state: 'accepted', message: `${request.action} accepted` }));
  // The wait timer is cancelled once the action finishes: a ?wait=3600 must not hold a timer for an hour.
  const waited = new AbortController();
  const timer = host.deps.clock.sleep(request.waitMs, waited.signal).then(() => null);
  const done = await Promise.race([run, timer]);
  waited.abort();
  if (done) return done;
  return targets.map((service) => ({ service, action: request.action, state: 'timeout', message: `${request.action} did not finish within ${Math.round(request.waitMs! / 1000)} s` }));
}
