// start / stop / restart / monitor / unmonitor, with dependency propagation (semantics.md "Processes").
import { applyUserAction, recordActionResult, recordStart } from '../engine/index.ts';
import { dependantsOf, prerequisitesOf } from '../model/dependency-graph.ts';
import type { ServiceActionType } from '../model/evaluation.ts';
import type { ProcessFigures } from '../model/observation.ts';
import type { ActionHost, Origin } from './action-host.ts';
import type { ActionOutcome } from './facade.ts';
import { quote } from './messages.ts';
import { firstLines, runProgram } from './programs.ts';
import { isSameProcess, locateProcess, waitForExit, waitForProcess } from './process-locator.ts';
import type { ServiceRuntime } from './runtime.ts';

interface StepResult {
  ok: boolean;
  message: string;
  output?: string;
}

export class ActionExecutor {
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(private readonly host: ActionHost) {}

  /** Carries out an action on one service and everything it propagates to. */
  async perform(name: string, action: ServiceActionType, origin: Origin): Promise<ActionOutcome> {
    const started = this.host.deps.clock.now();
    const rt = this.mustRuntime(name);
    rt.pending = action;
    const done = this.dispatch(name, action, origin);
    rt.pendingDone = done;
    try {
      const step = await done;
      return this.outcome(name, action, step, started);
    } finally {
      if (rt.pendingDone === done) {
        rt.pending = null;
        rt.pendingDone = null;
      }
      this.host.markDirty();
      if (action === 'start' || action === 'restart' || action === 'monitor') this.host.requestCheck(name);
    }
  }

  private async dispatch(name: string, action: ServiceActionType, origin: Origin): Promise<StepResult> {
    switch (action) {
      case 'start':
        return this.startWithPrerequisites(name, origin);
      case 'stop':
        return this.stopWithDependants(name, origin);
      case 'restart':
        return this.restart(name, origin);
      case 'monitor':
        return this.monitor(name);
      case 'unmonitor':
        return this.unmonitor(name, origin);
    }
  }

  private outcome(name: string, action: ServiceActionType, step: StepResult, started: number): ActionOutcome {
    const out: ActionOutcome = {
      service: name,
      action,
      state: step.ok ? 'done' : 'failed',
      message: step.message,
      durationMs: this.host.deps.clock.now() - started,
    };
    if (step.output) out.output = step.output;
    return out;
  }

  private mustRuntime(name: string): ServiceRuntime {
    const rt = this.host.runtime(name);
    if (!rt) throw new Error(`no service ${name}`);
    return rt;
  }

  /** Serialises steps on one service; different services run concurrently. */
  private async locked<T>(name: string, step: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(name) ?? Promise.resolve();
    const run = previous.then(step, step);
    const tail = run.catch(() => undefined);
    this.locks.set(name, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(name) === tail) this.locks.delete(name);
    }
  }

  /**
   * A step on one service, which is busy meanwhile: a service stopped or started for another's sake (a
   * dependant, a prerequisite) is not checked until its step is over, or the liveness watch would see it die
   * and have it restarted behind the stop.
   */
  private busy(name: string, action: ServiceActionType, step: (rt: ServiceRuntime) => Promise<StepResult>): Promise<StepResult> {
    return this.locked(name, async () => {
      const rt = this.mustRuntime(name);
      const own = rt.pending === null;
      if (own) rt.pending = action;
      try {
        return await step(rt);
      } finally {
        if (own && rt.pendingDone === null) rt.pending = null;
      }
    });
  }

  private async startWithPrerequisites(name: string, origin: Origin): Promise<StepResult> {
    for (const dep of prerequisitesOf(this.host.graph(), name)) {
      const step = await this.startOne(dep, { ...origin, byRule: false, reason: `required by ${quote(name)}` }, false);
      if (!step.ok) return { ok: false, message: `could not start required service ${quote(dep)}: ${step.message}` };
    }
    return this.startOne(name, origin, true);
  }

  private async stopWithDependants(name: string, origin: Origin): Promise<StepResult> {
    for (const dep of dependantsOf(this.host.graph(), name)) {
      const step = await this.stopOne(dep, { ...origin, reason: `${quote(name)} depends on it` }, false);
      if (!step.ok) return { ok: false, message: `could not stop dependant ${quote(dep)}: ${step.message}` };
    }
    return this.stopOne(name, origin, false);
  }

  private async restart(name: string, origin: Origin): Promise<StepResult> {
    const graph = this.host.graph();
    const dependants = dependantsOf(graph, name).filter((d) => this.host.runtime(d)?.state.monitoring !== 'not monitored');
    for (const dep of dependants) await this.stopOne(dep, { ...origin, reason: `restart of ${quote(name)}` }, true);
    const step = await this.restartOne(name, origin);
    for (const dep of [...dependants].reverse()) {
      await this.startOne(dep, { ...origin, byRule: false, reason: `restart of ${quote(name)}` }, false);
    }
    return step;
  }

  private monitor(name: string): Promise<StepResult> {
    for (const n of [...prerequisitesOf(this.host.graph(), name), name]) {
      const rt = this.mustRuntime(n);
      if (rt.state.monitoring === 'not monitored') {
        rt.state = applyUserAction(rt.state, 'monitor');
        this.host.emit({ service: n, kind: 'action', state: 'info', message: 'monitor action done', action: 'monitor', result: 'ok' });
      }
    }
    return Promise.resolve({ ok: true, message: 'monitored' });
  }

  private unmonitor(name: string, origin: Origin): Promise<StepResult> {
    for (const n of [...dependantsOf(this.host.graph(), name), name]) {
      const rt = this.mustRuntime(n);
      if (rt.state.monitoring === 'not monitored') continue;
      rt.state = applyUserAction(rt.state, 'unmonitor');
      this.host.emit({
        service: n,
        kind: 'action',
        state: 'info',
        message: 'unmonitor action done',
        action: 'unmonitor',
        result: 'ok',
        ...(origin.user ? { user: origin.user } : {}),
        ...(origin.rule ? { rule: origin.rule } : {}),
      });
    }
    return Promise.resolve({ ok: true, message: 'not monitored' });
  }

  /** Start one service (not its prerequisites). count: a rule-triggered start counts for restart limits. */
  private startOne(name: string, origin: Origin, count: boolean): Promise<StepResult> {
    return this.busy(name, 'start', async (rt) => {
      if (rt.state.monitoring === 'not monitored') rt.state = applyUserAction(rt.state, 'start');
      const step = await this.runStart(rt, origin, count, 'start');
      return step;
    });
  }

  private restartOne(name: string, origin: Origin): Promise<StepResult> {
    return this.busy(name, 'restart', async (rt) => {
      const { spec } = rt;
      if (rt.state.monitoring === 'not monitored') rt.state = applyUserAction(rt.state, 'restart');
      if (spec.restart) return this.runStart(rt, origin, true, 'restart');
      // monit: the stop part of a restart only runs when the process is still there.
      const running = spec.type !== 'process' || (await locateProcess(this.host.deps, spec, rt.state.identity)).found !== null;
      if (running) {
        const stopped = await this.runStop(rt, origin);
        if (!stopped.ok) return stopped;
      }
      return this.runStart(rt, origin, true, 'start');
    });
  }

  private stopOne(name: string, origin: Origin, keepMonitored: boolean): Promise<StepResult> {
    return this.busy(name, 'stop', async (rt) => {
      const step = await this.runStop(rt, origin);
      if (!keepMonitored) rt.state = applyUserAction(rt.state, 'stop');
      return step;
    });
  }

  /** Runs the start (or restart) program and waits for the process to appear, within one timeout. */
  private async runStart(rt: ServiceRuntime, origin: Origin, count: boolean, which: 'start' | 'restart'): Promise<StepResult> {
    const { deps } = this.host;
    const { spec } = rt;
    const limits = this.host.config().limits;
    const command = which === 'restart' ? spec.restart : spec.start;
    const started = deps.clock.now();
    if (spec.type === 'process') {
      const located = await locateProcess(deps, spec, rt.state.identity);
      if (located.found && which === 'start') {
        return this.finishStart(rt, origin, { ok: true, message: `process is already running with pid ${located.found.pid}` }, started);
      }
    }
    if (!command) {
      // monit: starting a service that has no start program only monitors it.
      return this.finishStart(rt, origin, { ok: true, message: 'monitored (it has no start program)' }, started);
    }
    rt.state = recordStart(rt.state, origin.byRule && count);
    const timeoutMs = command.timeoutMs ?? (which === 'restart' ? limits.restartTimeoutMs : limits.startTimeoutMs);
    const deadline = started + timeoutMs;
    deps.logger.info(`${quote(spec.name)} ${which}: '${command.text}'`, { service: spec.name, action: which });
    let ran = false;
    const run = await runProgram(deps, command, timeoutMs, limits.programOutputBytes, this.programContext(rt, origin), (pid) => {
      void this.recordStarting(rt, pid, deadline, () => ran);
    });
    ran = true;
    rt.state = { ...rt.state, starting: null };
    this.host.markDirty();
    if (!run.ok) {
      return this.finishStart(rt, origin, { ok: false, message: run.message, output: firstLines(run.output) }, started);
    }
    if (spec.type !== 'process') return this.finishStart(rt, origin, { ok: true, message: `${which} program succeeded` }, started);
    const found = await waitForProcess(deps, spec, deadline);
    if (!found) {
      const secs = Math.round(timeoutMs / 1000);
      return this.finishStart(rt, origin, { ok: false, message: `the process did not appear within ${secs} s`, output: firstLines(run.output) }, started);
    }
    rt.state = { ...rt.state, identity: { pid: found.pid, startTime: found.startTime } };
    deps.logger.info(`${quote(spec.name)} process is running with pid ${found.pid}`, { service: spec.name });
    return this.finishStart(rt, origin, { ok: true, message: `started with pid ${found.pid}` }, started);
  }

  private async recordStarting(rt: ServiceRuntime, pid: number, deadline: number, finished: () => boolean): Promise<void> {
    const programStartTime = await this.host.deps.processTable.startTimeOf(pid);
    // A program that already finished is not in flight: recording it now would outlive the start in the state
    // file (a fast start program often exits before its start time is read).
    if (programStartTime === null || finished()) return;
    rt.state = { ...rt.state, starting: { programPid: pid, programStartTime, deadline } };
    await this.host.saveNow();
  }

  private finishStart(rt: ServiceRuntime, origin: Origin, step: StepResult, started: number): StepResult {
    const result = { ok: step.ok, message: step.message, durationMs: this.host.deps.clock.now() - started };
    const out = recordActionResult(rt.spec, rt.state, 'start', {
      ...result,
      ...(step.output ? { output: step.output } : {}),
      ...(origin.user ? { user: origin.user } : {}),
    });
    rt.state = out.state;
    for (const event of out.events) this.host.emit({ ...event, ...(origin.rule && !event.rule ? { rule: origin.rule } : {}) });
    return step.ok ? step : { ...step, message: `failed to start (${step.message})` };
  }

  /** Stop program, or SIGTERM + SIGCONT then SIGKILL after the stop timeout; then wait for the PID to go. */
  private async runStop(rt: ServiceRuntime, origin: Origin): Promise<StepResult> {
    const { deps } = this.host;
    const { spec } = rt;
    const limits = this.host.config().limits;
    const started = deps.clock.now();
    const timeoutMs = spec.stop?.timeoutMs ?? limits.stopTimeoutMs;
    const deadline = started + timeoutMs;
    let found: ProcessFigures | null = null;
    if (spec.type === 'process') found = (await locateProcess(deps, spec, rt.state.identity)).found;
    let step: StepResult;
    if (spec.stop) {
      deps.logger.info(`${quote(spec.name)} stop: '${spec.stop.text}'`, { service: spec.name, action: 'stop' });
      const run = await runProgram(deps, spec.stop, timeoutMs, limits.programOutputBytes, this.programContext(rt, origin));
      step = run.ok ? { ok: true, message: 'stopped' } : { ok: false, message: `failed to stop (${run.message})`, output: firstLines(run.output) };
      if (run.ok && found) {
        const gone = await waitForExit(deps, { pid: found.pid, startTime: found.startTime }, deadline);
        if (!gone) step = { ok: false, message: `failed to stop (pid ${found.pid} still running after ${Math.round(timeoutMs / 1000)} s)` };
      }
    } else if (found) {
      step = await this.signalStop(found, deadline);
    } else {
      step = { ok: true, message: 'not running' };
    }
    rt.state = { ...rt.state, identity: step.ok ? null : rt.state.identity };
    this.host.emit({
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

  private async signalStop(found: ProcessFigures, deadline: number): Promise<StepResult> {
    const { deps } = this.host;
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

  private programContext(rt: ServiceRuntime, origin: Origin) {
    return {
      service: rt.spec.name,
      event: origin.byRule ? 'rule' : 'user action',
      description: origin.reason,
      host: this.host.hostname(),
      now: this.host.deps.clock.now(),
      process: rt.lastObservation?.process?.found ?? null,
    };
  }
}
