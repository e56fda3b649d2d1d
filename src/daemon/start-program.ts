// Starting one service: its start (or restart) program, then waiting for its process, within one timeout.
// A program in flight is recorded in the state file so a tsmonit restarted meanwhile waits for it (resume-starts.ts).
import { recordActionResult, recordStart } from '../engine/index.ts';
import type { ActionHost, Origin } from './action-host.ts';
import { programContext, type StepResult } from './action-step.ts';
import { quote } from './messages.ts';
import { firstLines, runProgram } from './programs.ts';
import { locateProcess, waitForProcess } from './process-locator.ts';
import type { ServiceRuntime } from './runtime.ts';

/** Runs the start (or restart) program and waits for the process to appear. count: counts for restart limits. */
export async function runStart(host: ActionHost, rt: ServiceRuntime, origin: Origin, count: boolean, which: 'start' | 'restart'): Promise<StepResult> {
  const { deps } = host;
  const { spec } = rt;
  const limits = host.config().limits;
  const command = which === 'restart' ? spec.restart : spec.start;
  const started = deps.clock.now();
  if (spec.type === 'process') {
    const located = await locateProcess(deps, spec, rt.state.identity);
    if (located.found && which === 'start') {
      return finishStart(host, rt, origin, { ok: true, message: `process is already running with pid ${located.found.pid}` }, started);
    }
  }
  if (!command) {
    // monit: starting a service that has no start program only monitors it.
    return finishStart(host, rt, origin, { ok: true, message: 'monitored (it has no start program)' }, started);
  }
  rt.state = recordStart(rt.state, origin.byRule && count);
  const timeoutMs = command.timeoutMs ?? (which === 'restart' ? limits.restartTimeoutMs : limits.startTimeoutMs);
  const deadline = started + timeoutMs;
  deps.logger.info(`${quote(spec.name)} ${which}: '${command.text}'`, { service: spec.name, action: which });
  let ran = false;
  const run = await runProgram(deps, command, timeoutMs, limits.programOutputBytes, programContext(host, rt, origin), (pid) => {
    void recordStarting(host, rt, pid, deadline, () => ran);
  });
  ran = true;
  rt.state = { ...rt.state, starting: null };
  host.markDirty();
  if (!run.ok) {
    return finishStart(host, rt, origin, { ok: false, message: run.message, output: firstLines(run.output) }, started);
  }
  if (spec.type !== 'process') return finishStart(host, rt, origin, { ok: true, message: `${which} program succeeded` }, started);
  const found = await waitForProcess(deps, spec, deadline);
  if (!found) {
    const secs = Math.round(timeoutMs / 1000);
    return finishStart(host, rt, origin, { ok: false, message: `the process did not appear within ${secs} s`, output: firstLines(run.output) }, started);
  }
  rt.state = { ...rt.state, identity: { pid: found.pid, startTime: found.startTime } };
  deps.logger.info(`${quote(spec.name)} process is running with pid ${found.pid}`, { service: spec.name });
  return finishStart(host, rt, origin, { ok: true, message: `started with pid ${found.pid}` }, started);
}

async function recordStarting(host: ActionHost, rt: ServiceRuntime, pid: number, deadline: number, finished: () => boolean): Promise<void> {
  const programStartTime = await host.deps.processTable.startTimeOf(pid);
  // A program that already finished is not in flight: recording it now would outlive the start in the state
  // file (a fast start program often exits before its start time is read).
  if (programStartTime === null || finished()) return;
  rt.state = { ...rt.state, starting: { programPid: pid, programStartTime, deadline } };
  await host.saveNow();
}

function finishStart(host: ActionHost, rt: ServiceRuntime, origin: Origin, step: StepResult, started: number): StepResult {
  const result = { ok: step.ok, message: step.message, durationMs: host.deps.clock.now() - started };
  const out = recordActionResult(rt.spec, rt.state, 'start', {
    ...result,
    ...(step.output ? { output: step.output } : {}),
    ...(origin.user ? { user: origin.user } : {}),
  });
  rt.state = out.state;
  for (const event of out.events) host.emit({ ...event, ...(origin.rule && !event.rule ? { rule: origin.rule } : {}) });
  return step.ok ? step : { ...step, message: `failed to start (${step.message})` };
}
