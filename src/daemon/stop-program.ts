// Stopping one service: its stop program, or SIGTERM + SIGCONT then SIGKILL after the stop timeout; then
// waiting for the PID to go. The outcome is an event either way.
import type { ProcessFigures } from '../model/observation.ts';
import type { ActionHost, Origin } from './action-host.ts';
import { programContext, type StepResult } from './action-step.ts';
import { quote } from './messages.ts';
import { firstLines, runProgram } from './programs.ts';
import { isSameProcess, locateProcess, waitForExit } from './process-locator.ts';
import type { ServiceRuntime } from './runtime.ts';

export async function runStop(host: ActionHost, rt: ServiceRuntime, origin: Origin): Promise<StepResult> {
  const { deps } = host;
  const { spec } = rt;
  const limits = host.config().limits;
  const started = deps.clock.now();
  const timeoutMs = spec.stop?.timeoutMs ?? limits.stopTimeoutMs;
  const deadline = started + timeoutMs;
  let found: ProcessFigures | null = null;
  if (spec.type === 'process') found = (await locateProcess(deps, spec, rt.state.identity)).found;
  let step: StepResult;
  if (spec.stop) {
    deps.logger.info(`${quote(spec.name)} stop: '${spec.stop.text}'`, { service: spec.name, action: 'stop' });
    const run = await runProgram(deps, spec.stop, timeoutMs, limits.programOutputBytes, programContext(host, rt, origin));
    step = run.ok ? { ok: true, message: 'stopped' } : { ok: false, message: `failed to stop (${run.message})`, output: firstLines(run.output) };
    if (run.ok && found) {
      const gone = await waitForExit(deps, { pid: found.pid, startTime: found.startTime }, deadline);
      if (!gone) step = { ok: false, message: `failed to stop (pid ${found.pid} still running after ${Math.round(timeoutMs / 1000)} s)` };
    }
  } else if (found) {
    step = await signalStop(host, found, deadline);
  } else {
    step = { ok: true, message: 'not running' };
  }
  rt.state = { ...rt.state, identity: step.ok ? null : rt.state.identity };
  host.emit({
    service: spec.name,
    kind: 'action',
    state: step.ok ? 'info' : 'failed',
    message: step.ok ? 'stop action done' : step.message,
    action: 'stop',
    result: step.ok ? 'ok' : step.message,
    durationMs: deps.clock.now() - started,
    ...(origin.user ? { user: origin.user } : {}),
    ...(origin.rule ? { rule: origin.rule } : {}),
    ...(step.output ? { output: step.output } : {}),
  });
  return step;
}

async function signalStop(host: ActionHost, found: ProcessFigures, deadline: number): Promise<StepResult> {
  const { deps } = host;
  const identity = { pid: found.pid, startTime: found.startTime };
  deps.processTable.signal(found.pid, 'SIGTERM');
  deps.processTable.signal(found.pid, 'SIGCONT');
  if (await waitForExit(deps, identity, deadline)) return { ok: true, message: 'stopped (SIGTERM)' };
  // Never SIGKILL a pid that is no longer the process we meant.
  if (!(await isSameProcess(deps, identity))) return { ok: true, message: 'stopped' };
  deps.processTable.signal(found.pid, 'SIGKILL');
  const gone = await waitForExit(deps, identity, deps.clock.now() + 5000);
  return gone ? { ok: true, message: 'stopped (SIGKILL after the stop timeout)' } : { ok: false, message: `pid ${found.pid} survived SIGKILL` };
}
