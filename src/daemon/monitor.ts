// The Monitor: wires engine and effects into the daemon, and is the facade http/ and cli/ use.
import type { Config } from '../model/config.ts';
import type { DependencyNode } from '../model/dependency-graph.ts';
import { topologicalOrder } from '../model/dependency-graph.ts';
import type { Diagnostic } from '../model/errors.ts';
import type { EventDraft, TsmEvent } from '../model/event.ts';
import { PERSISTED_STATE_VERSION, stateKey, type PersistedState } from '../model/state.ts';
import type { ActionHost } from './action-host.ts';
import { ActionExecutor } from './actions.ts';
import { AlertDispatcher, outboxDirFor } from './alerts.ts';
import { CheckRunner } from './check-runner.ts';
import { loadForReload, vetConfig } from './config-vetting.ts';
import { CycleLoop } from './cycle-loop.ts';
import type { DaemonDeps } from './deps.ts';
import { EventLog } from './event-log.ts';
import type {
  ActionOutcome, ActionRequest, CycleReport, EventQuery, MonitorFacade, ReloadResult, ServiceDetail, ServiceHistory, StatusSnapshot,
} from './facade.ts';
import { History } from './history.ts';
import { InFlight } from './in-flight.ts';
import { LivenessWatch } from './liveness.ts';
import { logEvent } from './messages.ts';
import { restoreStates, StateSaver } from './persistence.ts';
import { applyReload } from './reload.ts';
import { performRequest } from './requested-actions.ts';
import { resumeInterruptedStarts } from './resume-starts.ts';
import { dispatchPlanned, type ActionContext } from './rule-actions.ts';
import { newRuntime, type ServiceRuntime } from './runtime.ts';
import { statusSnapshot } from './server-status.ts';
import { ruleStatuses, serviceStatus } from './status.ts';

/** On quit, undelivered alerts (the "stopped" one among them) get this long before they wait on disk. */
const ALERT_GRACE_MS = 3000;

export class Monitor implements MonitorFacade, ActionHost {
  private cfg: Config;
  private readonly runtimes = new Map<string, ServiceRuntime>();
  private order: string[] = [];
  private readonly eventLog = new EventLog();
  private readonly figures = new History();
  private readonly actionContext: ActionContext;
  private readonly checks: CheckRunner;
  private readonly saver: StateSaver;
  private readonly loop: CycleLoop;
  private readonly liveness: LivenessWatch;
  private readonly alerts: AlertDispatcher;
  private readonly startedAt: number;
  private readonly inFlight: InFlight;
  private stopping = false;

  constructor(readonly deps: DaemonDeps, config: Config) {
    this.cfg = config;
    this.startedAt = deps.clock.now();
    this.inFlight = new InFlight(deps.logger);
    this.actionContext = { host: this, executor: new ActionExecutor(this), track: (p) => this.track(p) };
    this.checks = new CheckRunner({
      deps, config: () => this.cfg, runtime: (name) => this.runtimes.get(name), order: () => this.order, stopping: () => this.stopping,
      emit: (draft) => this.emit(draft), afterCheck: (spec, out) => this.alerts.afterCheck(spec, out),
      dispatch: (rt, action) => dispatchPlanned(this.actionContext, rt, action), markDirty: () => this.markDirty(),
      track: (p) => this.track(p), figures: this.figures,
    });
    this.saver = new StateSaver(() => this.deps.openStateStore(this.cfg.statefile), () => this.persisted(), deps.logger);
    this.loop = new CycleLoop(deps.clock, () => this.cfg.cycleMs ?? 1000, (cycle) => this.checks.runCycle(cycle));
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
    const vetted = await vetConfig(this.deps, this.cfg);
    if (vetted.problems.length > 0) return vetted.problems;
    this.cfg = vetted.config;
    const store = this.deps.openStateStore(this.cfg.statefile);
    const { states, rebooted, fresh } = await restoreStates(store, this.cfg, this.deps.systemSampler.bootTime(), this.deps.logger);
    for (const spec of this.cfg.services) this.runtimes.set(spec.name, newRuntime(spec, states.get(spec.name)!));
    this.order = topologicalOrder(this.cfg.services);
    if (rebooted) this.deps.logger.info('system was rebooted since the state was saved: applying onreboot');
    await this.alerts.start();
    this.instanceEvent('tsmonit started', 'start');
    await this.saver.save();
    resumeInterruptedStarts({ host: this, stopping: () => this.stopping, track: (p) => this.track(p) }, this.runtimes.values());
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
    await this.checks.runCycle(this.checks.cycles);
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
    this.track(this.checks.checkNow(rt));
  }

  private track(promise: Promise<unknown>): void {
    this.inFlight.track(promise);
  }

  /** Waits until no check, action or save is in flight. */
  private settle(): Promise<void> {
    return this.inFlight.settle();
  }

  private persisted(): PersistedState {
    const services: PersistedState['services'] = {};
    for (const rt of this.runtimes.values()) services[stateKey(rt.spec.type, rt.spec.name)] = rt.state;
    return { version: PERSISTED_STATE_VERSION, bootTime: this.deps.systemSampler.bootTime(), savedAt: this.deps.clock.now(), services };
  }

  private instanceEvent(message: string, action: 'start' | 'stop' | 'restart'): void {
    this.emit({ service: this.hostname(), kind: 'instance', state: 'info', message, action });
  }

  // ---- facade ----
  status(): StatusSnapshot {
    return statusSnapshot({
      deps: this.deps, config: this.cfg, runtimes: this.runtimes, startedAt: this.startedAt, cycles: this.checks.cycles,
      hostname: () => this.hostname(),
    });
  }

  service(name: string): ServiceDetail | undefined {
    const rt = this.runtimes.get(name);
    if (!rt) return undefined;
    return { ...serviceStatus(rt), rules: ruleStatuses(rt), events: this.eventLog.query({ service: name, limit: 50 }) };
  }

  act(request: ActionRequest): Promise<ActionOutcome[]> {
    return performRequest(this.actionContext, request);
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
    return this.checks.onCycle(listener);
  }

  async reload(): Promise<ReloadResult> {
    const next = await loadForReload(this.deps, this.cfg.files[0]!);
    if (!next.ok) return { ok: false, errors: next.errors, warnings: next.warnings };
    this.cfg = next.config;
    this.order = applyReload(this.runtimes, next.config);
    this.alerts.reloaded();
    this.instanceEvent('tsmonit reloaded', 'restart');
    this.markDirty();
    return { ok: true, errors: [], warnings: next.warnings };
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
    this.checks.stop();
    this.liveness.stop();
    await this.loop.stop();
    // Checks are bounded by their timeouts; actions may run long (a 60 s start): do not wait for those.
    await Promise.race([this.settle(), this.deps.clock.sleep(2000)]);
    this.instanceEvent('tsmonit stopped', 'stop');
    await this.saver.save();
    await this.alerts.stop(ALERT_GRACE_MS);
  }
}
