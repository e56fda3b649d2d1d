// start / stop / restart / monitor / unmonitor, with dependency propagation (semantics.md "Processes").
import { applyUserAction } from '../engine/index.ts';
import { dependantsOf, prerequisitesOf } from '../model/dependency-graph.ts';
import type { ServiceActionType } from '../model/evaluation.ts';
import type { ActionHost, Origin } from './action-host.ts';
import type { StepResult } from './action-step.ts';
import type { ActionOutcome } from './facade.ts';
import { quote } from './messages.ts';
import { locateProcess } from './process-locator.ts';
import type { ServiceRuntime } from './runtime.ts';
import { runStart } from './start-program.ts';
import { runStop } from './stop-program.ts';

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
      const step = await runStart(this.host, rt, origin, count, 'start');
      return step;
    });
  }

  private restartOne(name: string, origin: Origin): Promise<StepResult> {
    return this.busy(name, 'restart', async (rt) => {
      const { spec } = rt;
      if (rt.state.monitoring === 'not monitored') rt.state = applyUserAction(rt.state, 'restart');
      if (spec.restart) return runStart(this.host, rt, origin, true, 'restart');
      // monit: the stop part of a restart only runs when the process is still there.
      const running = spec.type !== 'process' || (await locateProcess(this.host.deps, spec, rt.state.identity)).found !== null;
      if (running) {
        const stopped = await runStop(this.host, rt, origin);
        if (!stopped.ok) return stopped;
      }
      return runStart(this.host, rt, origin, true, 'start');
    });
  }

  private stopOne(name: string, origin: Origin, keepMonitored: boolean): Promise<StepResult> {
    return this.busy(name, 'stop', async (rt) => {
      const step = await runStop(this.host, rt, origin);
      if (!keepMonitored) rt.state = applyUserAction(rt.state, 'stop');
      return step;
    });
  }
}
