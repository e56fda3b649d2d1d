// Start programs in flight when a previous tsmonit died: wait for them rather than start a service twice.
import type { ActionHost } from './action-host.ts';
import { quote } from './messages.ts';
import { isSameProcess } from './process-locator.ts';
import type { ServiceRuntime } from './runtime.ts';

export interface ResumeContext {
  host: ActionHost;
  stopping(): boolean;
  track(promise: Promise<unknown>): void;
}

/** Each such service is pending 'start' until its program exits or its deadline passes, then checked. */
export function resumeInterruptedStarts(ctx: ResumeContext, runtimes: Iterable<ServiceRuntime>): void {
  const { deps } = ctx.host;
  for (const rt of runtimes) {
    const starting = rt.state.starting;
    if (!starting) continue;
    rt.pending = 'start';
    const wait = (async () => {
      const identity = { pid: starting.programPid, startTime: starting.programStartTime };
      while (deps.clock.now() < starting.deadline && !ctx.stopping() && (await isSameProcess(deps, identity))) {
        await deps.clock.sleep(200);
      }
      rt.pending = null;
      rt.pendingDone = null;
      rt.state = { ...rt.state, starting: null };
      deps.logger.info(`${quote(rt.spec.name)} start program from before the restart has finished`);
      ctx.host.requestCheck(rt.spec.name);
    })();
    rt.pendingDone = wait;
    ctx.track(wait);
  }
}
