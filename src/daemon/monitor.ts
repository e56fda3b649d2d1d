// The Monitor: wires engine and effects into the daemon, and is the facade http/ and cli/ use.
import { evaluateCheck, failuresOf, isDue } from '../engine/index.ts';
import type { Config } from '../model/config.ts';
import type { DependencyNode } from '../model/dependency-graph.ts';
import { topologicalOrder } from '../model/dependency-graph.ts';
import { TsmonitError, type Diagnostic } from '../model/errors.ts';
import type { EventDraft, TsmEvent } from '../model/event.ts';
import type { CheckOutput, PlannedAction } from '../model/evaluation.ts';
import type { ProcessSnapshot, SystemSample } from '../model/observation.ts';
import { stateKey, type PersistedState } from '../model/state.ts';
import type { ActionHost } from './action-host.ts';
import { ActionExecutor } from './actions.ts';
import { AlertDispatcher, outboxDirFor } from './alerts.ts';
import { unsupportedParts } from './capabilities.ts';
import { resolveIdentityNames } from './identity-names.ts';
import { observe } from './checks.ts';
import { CycleLoop } from './cycle-loop.ts';
import type { DaemonDeps } from './deps.ts';
import { EventLog } from './event-log.ts';
import { History } from './history.ts';
import type {
  ActionOutcome, ActionRequest, CycleReport, EventQuery, MonitorFacade, ReloadResult, ServiceDetail, ServiceHistory, StatusSnapshot,
} from './facade.ts';
import { logEvent, quote } from './messages.ts';
import { restoreStates, StateSaver } from './persistence.ts';
import { firstLines, runProgram } from './programs.ts';
import { applyReload } from './reload.ts';
import { newRuntime, type ServiceRuntime } from './runtime.ts';
import { ruleStatuses, serviceStatus } from './status.ts';
import { isServiceAction, resolveTargets } from './targets.ts';
import { isSameProcess } from './process-locator.ts';
import { LivenessWatch } from './liveness.ts';

/** On quit, undelivered alerts (the "stopped" one among them) get this long before they wait on disk. */
const ALERT_GRACE_MS = 3000;

export class Monitor implements MonitorFacade, ActionHost {
  private cfg: Config;
  private readonly runtimes = new Map<string, ServiceRuntime>();
  private order: string[] = [];
  private readonly eventLog = new EventLog();
  private readonly figures = new History();
  private readonly cycleListeners = new Set<(r: CycleReport) => void>();
  private readonly executor: ActionExecutor;
  private readonly saver: StateSaver;
  private readonly loop: CycleLoop;
  private readonly liveness: LivenessWatch;
  private readonly alerts: AlertDispatcher;
  private readonly startedAt: number;
  private cycles = 0;
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Aborted on quit: check programs still running are ended (tsmonit leaves no orphans of its checks). */
  private readonly checksAbort = new AbortController();
  private stopping = false;
  /** Checks since the last save changed only histories and check times: saved when the cycle's checks are done. */
  private checksUnsaved = false;

  constructor(readonly deps: DaemonDeps, config: Config) {
    this.cfg = config;
    this.startedAt = deps.clock.now();
    this.executor = new ActionExecutor(this);
    this.saver = new StateSaver(() => this.deps.openStateStore(this.cfg.statefile), () => this.persisted(), deps.logger);
    this.loop = new CycleLoop(deps.clock, () => this.cfg.cycleMs ?? 1000, (cycle) => this.runCycle(cycle));
    this.liveness = new LivenessWatch(deps, () => this.runtimes.values(), (name) => this.requestCheck(name));
    this.alerts = new AlertDispatcher({
      config: () => this.cfg, hostname: () => this.hostname(), now: () => deps.clock.now(), logger: deps.logger,
      statusOf: (name) => {
        const rt = this.runtimes.get(name);
        return rt ? serviceStatus(rt) : null;
      },
      programOutput: (name) => this.runtimes.get(name)?.lastObservation?.program?.output ?? null,
    }, deps.openOutbox?.(outboxDirFor(config.statefile)));
  }

  /** Refuses configs this build cannot carry out (never half-run): returns their errors, or [] when started. */
  async start(): Promise<Diagnostic[]> {
    const named = await resolveIdentityNames(this.cfg, this.deps.users);
    const problems = [...named.errors, ...unsupportedParts(this.cfg, this.deps.prober)];
    if (problems.length > 0) return problems;
    this.cfg = named.config;
    const store = this.deps.openStateStore(this.cfg.statefile);
    const { states, rebooted, fresh } = await restoreStates(store, this.cfg, this.deps.systemSampler.bootTime(), this.deps.logger);
    for (const spec of this.cfg.services) this.runtimes.set(spec.name, newRuntime(spec, states.get(spec.name)!));
    this.order = topologicalOrder(this.cfg.services);
    if (rebooted) this.deps.logger.info('system was rebooted since the state was saved: applying onreboot');
    await this.alerts.start();
    this.instanceEvent('tsmonit started', 'start');
    await this.saver.save();
    this.resumeInterruptedStarts();
    if (this.cfg.cycleMs !== null) {
      // start_delay applies to the first start after a boot, as monit 5.26+ does; a tsmonit restart checks at once.
      const delay = rebooted || fresh ? this.cfg.startDelayMs : 0;
      this.loop.start(delay);
      this.liveness.start();
    }
    return [];
  }

  /** One pass (a monitrc without `set daemon`, or `validate`): every check and every action it starts. */
  async runOnce(): Promise<void> {
    await this.runCycle(this.cycles);
    await this.settle();
  }

  // ---- ActionHost ----
  config(): Config {
    return this.cfg;
  }
  runtime(name: string): ServiceRuntime | undefined {
    return this.runtimes.get(name);
  }
  graph(): DependencyNode[] {
    return this.cfg.services;
  }
  hostname(): string {
    return this.deps.systemSampler.hostname();
  }
  emit(draft: EventDraft): TsmEvent {
    logEvent(this.deps.logger, draft);
    const event = this.eventLog.record(draft, this.deps.clock.now());
    this.alerts.onEvent(event);
    return event;
  }
  markDirty(): void {
    if (!this.stopping) this.track(this.saver.save());
  }
  saveNow(): Promise<void> {
    return this.saver.save();
  }
  requestCheck(name: string): void {
    const rt = this.runtimes.get(name);
    if (!rt || this.stopping) return;
    this.track(
      (async () => {
        const snapshot = await this.deps.processTable.snapshot({ cycle: false });
        await this.checkService(rt, snapshot, null, true);
      })(),
    );
  }

  // ---- the cycle ----
  private async runCycle(cycle: number): Promise<void> {
    const began = this.deps.clock.now();
    this.cycles = cycle + 1;
    let snapshot: ProcessSnapshot;
    let system: SystemSample | null = null;
    try {
      snapshot = await this.deps.processTable.snapshot();
      if (this.cfg.services.some((s) => s.type === 'system')) system = await this.deps.systemSampler.sample();
    } catch (err) {
      this.deps.logger.error(`cannot read the process table: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const launched: Array<Promise<void>> = [];
    const checked: string[] = [];
    const now = this.deps.clock.now();
    for (const name of this.order) {
      const rt = this.runtimes.get(name);
      if (!rt || rt.state.monitoring === 'not monitored') continue;
      if (this.cfg.cycleMs !== null) rt.nextCheck = began + this.cfg.cycleMs;
      const due = isDue(rt.spec, rt.state, cycle, now);
      rt.state = due.state;
      if (!due.due || !this.dependenciesHealthy(rt)) continue;
      checked.push(name);
      launched.push(this.checkService(rt, snapshot, system));
    }
    const all = Promise.allSettled(launched).then(() => {
      this.saveQuietChecks();
      this.reportCycle(cycle, began, checked);
    });
    this.track(all);
  }

  private saveQuietChecks(): void {
    if (!this.checksUnsaved) return;
    this.checksUnsaved = false;
    this.markDirty();
  }

  private dependenciesHealthy(rt: ServiceRuntime): boolean {
    return rt.spec.depends.every((dep) => {
      const d = this.runtimes.get(dep);
      return d !== undefined && d.state.monitoring !== 'not monitored' && failuresOf(d.spec, d.state).length === 0;
    });
  }

  private reportCycle(cycle: number, began: number, names: string[]): void {
    if (this.cycleListeners.size === 0) return;
    const report: CycleReport = {
      cycle,
      durationMs: this.deps.clock.now() - began,
      services: names.flatMap((n) => {
        const rt = this.runtimes.get(n);
        return rt ? [serviceStatus(rt)] : [];
      }),
    };
    for (const listener of this.cycleListeners) listener(report);
  }

  /** Single flight per service; skipped while an action on it runs. */
  private checkService(rt: ServiceRuntime, snapshot: ProcessSnapshot, system: SystemSample | null, outOfCycle = false): Promise<void> {
    if (rt.checking || rt.pending || this.stopping) return Promise.resolve();
    const generation = rt.generation;
    const began = this.deps.clock.now();
    const run = (async () => {
      try {
        const observation = await observe(this.deps, {
          spec: rt.spec, identity: rt.state.identity, snapshot, system, limits: this.cfg.limits, outOfCycle,
          contentCursor: rt.state.contentCursor ?? null, previous: rt.lastObservation, signal: this.checksAbort.signal,
        });
        if (rt.generation !== generation || rt.pending || rt.state.monitoring === 'not monitored' || this.stopping) return;
        // An early check measured existence only: keep the cycle's other figures (probes, system, program...) for display.
        const previous = rt.lastObservation;
        rt.lastObservation = outOfCycle && previous ? { ...previous, ...observation, probes: previous.probes } : observation;
        const out = evaluateCheck({ spec: rt.spec, state: rt.state, observation, now: this.deps.clock.now(), outOfCycle });
        this.apply(rt, out);
        rt.lastCheckMs = this.deps.clock.now() - began;
        this.figures.record(serviceStatus(rt), this.deps.clock.now());
      } catch (err) {
        this.internalError(`${quote(rt.spec.name)} check failed`, err);
      } finally {
        rt.checking = null;
      }
    })();
    rt.checking = run;
    return run;
  }

  private apply(rt: ServiceRuntime, out: CheckOutput): void {
    rt.state = out.state;
    // A process that is gone has no identity: the liveness watch must not keep firing on its old pid.
    if (rt.lastObservation?.process?.found === null) rt.state = { ...rt.state, identity: null };
    for (const event of out.events) this.emit(event);
    this.alerts.afterCheck(rt.spec, out);
    for (const action of out.actions) this.dispatch(rt, action);
    // A check that changed nothing but its histories is saved with the cycle's others once they are all done
    // (semantics: the state file is written after each cycle in which it changed); events and actions at once.
    if (out.events.length > 0 || out.actions.length > 0) this.markDirty();
    else this.checksUnsaved = true;
  }

  private dispatch(rt: ServiceRuntime, action: PlannedAction): void {
    const name = rt.spec.name;
    const origin = { byRule: true, reason: action.reason, ...(action.rule ? { rule: action.rule } : {}) };
    switch (action.type) {
      case 'alert': // sent by this.alerts (onEvent and afterCheck): never waits for delivery
        this.deps.logger.warn(`${quote(name)} alert: ${action.reason}`, { service: name, rule: action.rule });
        return;
      case 'exec':
        this.track(this.runExec(rt, action));
        return;
      default: {
        this.deps.logger.info(`${quote(name)} trying to ${action.type}`, { service: name, rule: action.rule });
        this.track(this.executor.perform(name, action.type, origin));
      }
    }
  }

  private async runExec(rt: ServiceRuntime, action: PlannedAction): Promise<void> {
    if (!action.command) return;
    const name = rt.spec.name;
    const timeoutMs = action.command.timeoutMs ?? this.cfg.limits.execTimeoutMs;
    this.deps.logger.info(`${quote(name)} exec: '${action.command.text}'`, { service: name });
    const run = await runProgram(this.deps, action.command, timeoutMs, this.cfg.limits.programOutputBytes, {
      service: name, event: 'rule', description: action.reason, host: this.hostname(), now: this.deps.clock.now(),
      process: rt.lastObservation?.process?.found ?? null,
    });
    this.emit({
      service: name, kind: 'exec', state: run.ok ? 'info' : 'failed',
      message: run.ok ? `exec '${action.command.text}' done` : `exec '${action.command.text}' failed (${run.message})`,
      action: 'exec', result: run.ok ? 'ok' : run.message, durationMs: run.durationMs,
      ...(action.rule ? { rule: action.rule } : {}), ...(run.output ? { output: firstLines(run.output) } : {}),
    });
  }

  /** A start program that was running when a previous tsmonit died: wait for it rather than start twice. */
  private resumeInterruptedStarts(): void {
    for (const rt of this.runtimes.values()) {
      const starting = rt.state.starting;
      if (!starting) continue;
      rt.pending = 'start';
      const wait = (async () => {
        const identity = { pid: starting.programPid, startTime: starting.programStartTime };
        while (this.deps.clock.now() < starting.deadline && !this.stopping && (await isSameProcess(this.deps, identity))) {
          await this.deps.clock.sleep(200);
        }
        rt.pending = null;
        rt.pendingDone = null;
        rt.state = { ...rt.state, starting: null };
        this.deps.logger.info(`${quote(rt.spec.name)} start program from before the restart has finished`);
        this.requestCheck(rt.spec.name);
      })();
      rt.pendingDone = wait;
      this.track(wait);
    }
  }

  private track<T>(promise: Promise<T>): void {
    const p = promise.catch((err: unknown) => {
      this.internalError('internal error', err);
    });
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  /** One line for the operator; the stack only at debug level (-v). */
  private internalError(what: string, err: unknown): void {
    this.deps.logger.error(`${what}: ${err instanceof Error ? err.message : String(err)}`);
    if (err instanceof Error && err.stack) this.deps.logger.debug(err.stack);
  }

  /** Waits until no check, action or save is in flight. */
  private async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private persisted(): PersistedState {
    const services: PersistedState['services'] = {};
    for (const rt of this.runtimes.values()) services[stateKey(rt.spec.type, rt.spec.name)] = rt.state;
    return { version: 1, bootTime: this.deps.systemSampler.bootTime(), savedAt: this.deps.clock.now(), services };
  }

  private instanceEvent(message: string, action: 'start' | 'stop' | 'restart'): void {
    this.emit({ service: this.hostname(), kind: 'instance', state: 'info', message, action });
  }

  // ---- facade ----
  status(): StatusSnapshot {
    const now = this.deps.clock.now();
    return {
      server: {
        version: this.deps.version,
        hostname: this.hostname(),
        pid: this.deps.selfPid,
        startedAt: new Date(this.startedAt).toISOString(),
        uptime: Math.round((now - this.startedAt) / 1000),
        cycleSeconds: this.cfg.cycleMs === null ? null : this.cfg.cycleMs / 1000,
        controlFile: this.cfg.files[0] ?? '',
        cycles: this.cycles,
      },
      services: this.cfg.services.map((s) => serviceStatus(this.runtimes.get(s.name)!)),
    };
  }

  service(name: string): ServiceDetail | undefined {
    const rt = this.runtimes.get(name);
    if (!rt) return undefined;
    return { ...serviceStatus(rt), rules: ruleStatuses(rt), events: this.eventLog.query({ service: name, limit: 50 }) };
  }

  async act(request: ActionRequest): Promise<ActionOutcome[]> {
    if (!isServiceAction(request.action)) throw new TsmonitError('TSM_E_BAD_ACTION', `"${String(request.action)}" is not an action`);
    const targets = resolveTargets(this.cfg.services, request.action, request.services, request.group);
    const user = request.user;
    for (const name of targets) {
      this.emit({ service: name, kind: 'action', state: 'info', message: `${request.action} requested`, action: request.action, ...(user ? { user } : {}) });
    }
    const origin = { byRule: false, reason: user ? `requested by ${user}` : 'user request', ...(user ? { user } : {}) };
    const run = (async () => {
      const outcomes: ActionOutcome[] = [];
      for (const name of targets) outcomes.push(await this.executor.perform(name, request.action, origin));
      return outcomes;
    })();
    this.track(run);
    if (!request.waitMs) return targets.map((service) => ({ service, action: request.action, state: 'accepted', message: `${request.action} accepted` }));
    // The wait timer is cancelled once the action finishes: a ?wait=3600 must not hold a timer for an hour.
    const waited = new AbortController();
    const timer = this.deps.clock.sleep(request.waitMs, waited.signal).then(() => null);
    const done = await Promise.race([run, timer]);
    waited.abort();
    if (done) return done;
    return targets.map((service) => ({ service, action: request.action, state: 'timeout', message: `${request.action} did not finish within ${Math.round(request.waitMs! / 1000)} s` }));
  }

  events(query?: EventQuery): TsmEvent[] {
    return this.eventLog.query(query);
  }
  history(name: string): ServiceHistory | undefined {
    if (!this.runtimes.has(name)) return undefined;
    this.figures.retain((n) => this.runtimes.has(n));
    return this.figures.series(name, this.deps.clock.now());
  }
  onEvent(listener: (event: TsmEvent) => void): () => void {
    return this.eventLog.subscribe(listener);
  }
  onCycle(listener: (report: CycleReport) => void): () => void {
    this.cycleListeners.add(listener);
    return () => this.cycleListeners.delete(listener);
  }

  async reload(): Promise<ReloadResult> {
    const file = this.cfg.files[0]!;
    const result = await this.deps.loadConfig(file);
    if (!result.ok) {
      for (const e of result.errors) this.deps.logger.error(`reload refused: ${e.pos.file}:${e.pos.line}:${e.pos.col}: ${e.message} (${e.code})`);
      return { ok: false, errors: result.errors, warnings: result.warnings };
    }
    const named = await resolveIdentityNames(result.config, this.deps.users);
    const problems = [...named.errors, ...unsupportedParts(result.config, this.deps.prober)];
    if (problems.length > 0) {
      for (const e of problems) this.deps.logger.error(`reload refused: ${e.pos.file}:${e.pos.line}:${e.pos.col}: ${e.message} (${e.code})`);
      return { ok: false, errors: problems, warnings: result.warnings };
    }
    this.cfg = named.config;
    this.order = applyReload(this.runtimes, named.config);
    this.alerts.reloaded();
    this.instanceEvent('tsmonit reloaded', 'restart');
    this.markDirty();
    return { ok: true, errors: [], warnings: result.warnings };
  }

  async validate(): Promise<StatusSnapshot> {
    await this.runOnce();
    return this.status();
  }

  /** Wake up and check now (SIGUSR1). */
  wake(): void {
    this.loop.wake();
  }

  async quit(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.checksAbort.abort();
    this.liveness.stop();
    await this.loop.stop();
    // Checks are bounded by their timeouts; actions may run long (a 60 s start): do not wait for those.
    await Promise.race([this.settle(), this.deps.clock.sleep(2000)]);
    this.instanceEvent('tsmonit stopped', 'stop');
    await this.saver.save();
    await this.alerts.stop(ALERT_GRACE_MS);
  }
}
