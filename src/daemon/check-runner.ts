// The checks: a cycle's pass over the services in dependency order, and single checks out of the cycle
// (after an action, or when the liveness watch saw a process die). Each check observes, evaluates, and hands
// its events and actions on.
import { setMaxListeners } from 'node:events';
import { evaluateCheck, failuresOf, isDue } from '../engine/index.ts';
import type { Config } from '../model/config.ts';
import type { EventDraft } from '../model/event.ts';
import type { CheckOutput, PlannedAction } from '../model/evaluation.ts';
import type { ProcessSnapshot, SystemSample } from '../model/observation.ts';
import type { ServiceSpec } from '../model/service.ts';
import type { RuleState, ServiceState } from '../model/state.ts';
import { observe } from './checks.ts';
import type { DaemonDeps } from './deps.ts';
import type { CycleReport, ServiceStatus } from './facade.ts';
import type { History } from './history.ts';
import { logInternalError } from './in-flight.ts';
import { quote } from './messages.ts';
import type { ServiceRuntime } from './runtime.ts';
import { historySample, serviceStatus } from './status.ts';

/** What the checks need from the Monitor that owns them. */
export interface CheckHost {
  readonly deps: DaemonDeps;
  config(): Config;
  runtime(name: string): ServiceRuntime | undefined;
  /** Service names in dependency order (prerequisites first). */
  order(): readonly string[];
  stopping(): boolean;
  emit(draft: EventDraft): void;
  /** Alerts that follow from a check beyond its events (reminders). */
  afterCheck(spec: ServiceSpec, out: CheckOutput): void;
  dispatch(rt: ServiceRuntime, action: PlannedAction): void;
  markDirty(): void;
  track(promise: Promise<unknown>): void;
  figures: History;
}

/**
 * Check counters and times alone are written at least this often (and with any other change, on reload and on
 * exit): a tsmonit killed meanwhile resumes its counters up to this much behind (README: crash safety).
 */
export const COUNTERS_SAVE_MS = 60_000;

export class CheckRunner {
  /** Aborted on quit: check programs still running are ended (tsmonit leaves no orphans of its checks). */
  private readonly abort = new AbortController();
  /** Checks since the last save changed rule states (histories, messages): saved when the cycle's checks are done. */
  private unsaved = false;
  /** Checks since the last save moved only their counters and times (checks, lastCheck): saved at a slower pace. */
  private countersMoved = false;
  private countersSavedAt = -Infinity;
  private readonly listeners = new Set<(r: CycleReport) => void>();
  private cyclesRun = 0;

  constructor(private readonly host: CheckHost) {
    // Every check's probes listen on this one signal: more than ten at once is normal here, not a leak (node's
    // MaxListenersExceededWarning was printed at N=200 with 20 port tests).
    setMaxListeners(Infinity, this.abort.signal);
  }

  /** Cycles begun so far. */
  get cycles(): number {
    return this.cyclesRun;
  }

  onCycle(listener: (report: CycleReport) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ends the check programs still running; no check starts afterwards (the host is stopping). */
  stop(): void {
    this.abort.abort();
  }

  /** Launches the due checks of this cycle; their completion is tracked by the host, not awaited. */
  async runCycle(cycle: number): Promise<void> {
    const { deps } = this.host;
    const began = deps.clock.now();
    this.cyclesRun = cycle + 1;
    let snapshot: ProcessSnapshot;
    let system: SystemSample | null = null;
    try {
      snapshot = await deps.processTable.snapshot();
      if (this.host.config().services.some((s) => s.type === 'system')) system = await deps.systemSampler.sample();
    } catch (err) {
      deps.logger.error(`cannot read the process table: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    const launched: Array<Promise<void>> = [];
    const checked: string[] = [];
    const now = deps.clock.now();
    const { cycleMs } = this.host.config();
    for (const name of this.host.order()) {
      const rt = this.host.runtime(name);
      if (!rt || rt.state.monitoring === 'not monitored') continue;
      if (cycleMs !== null) rt.nextCheck = began + cycleMs;
      const due = isDue(rt.spec, rt.state, cycle, now);
      rt.state = due.state;
      if (!due.due || !this.dependenciesHealthy(rt)) continue;
      checked.push(name);
      launched.push(this.check(rt, snapshot, system));
    }
    const all = Promise.allSettled(launched).then(() => {
      this.saveQuietChecks();
      this.reportCycle(cycle, began, checked);
    });
    this.host.track(all);
  }

  /** An early check of one service, outside the cycle: a fresh look at the processes, no system sample. */
  async checkNow(rt: ServiceRuntime): Promise<void> {
    const snapshot = await this.host.deps.processTable.snapshot({ cycle: false });
    await this.check(rt, snapshot, null, true);
  }

  private saveQuietChecks(): void {
    const now = this.host.deps.clock.now();
    if (!this.unsaved && !(this.countersMoved && now - this.countersSavedAt >= COUNTERS_SAVE_MS)) return;
    this.unsaved = false;
    this.countersMoved = false;
    this.countersSavedAt = now;
    this.host.markDirty();
  }

  private dependenciesHealthy(rt: ServiceRuntime): boolean {
    return rt.spec.depends.every((dep) => {
      const d = this.host.runtime(dep);
      return d !== undefined && d.state.monitoring !== 'not monitored' && failuresOf(d.spec, d.state).length === 0;
    });
  }

  private reportCycle(cycle: number, began: number, names: string[]): void {
    if (this.listeners.size === 0) return;
    const statuses = (): ServiceStatus[] => names.flatMap((n) => {
      const rt = this.host.runtime(n);
      return rt ? [serviceStatus(rt)] : [];
    });
    let services: ServiceStatus[] | null = null;
    // Built when a listener reads them (the dashboard's stream does, the metrics' cycle timer does not).
    const report: CycleReport = {
      cycle,
      durationMs: this.host.deps.clock.now() - began,
      get services() {
        return (services ??= statuses());
      },
    };
    for (const listener of this.listeners) listener(report);
  }

  /** Single flight per service; skipped while an action on it runs. */
  private check(rt: ServiceRuntime, snapshot: ProcessSnapshot, system: SystemSample | null, outOfCycle = false): Promise<void> {
    const { host } = this;
    const { deps } = host;
    if (rt.checking || rt.pending || host.stopping()) return Promise.resolve();
    const generation = rt.generation;
    const began = deps.clock.now();
    const run = (async () => {
      try {
        const observation = await observe(deps, {
          spec: rt.spec, identity: rt.state.identity, snapshot, system, limits: host.config().limits, outOfCycle,
          contentCursor: rt.state.contentCursor ?? null, previous: rt.lastObservation, signal: this.abort.signal,
        });
        if (rt.generation !== generation || rt.pending || rt.state.monitoring === 'not monitored' || host.stopping()) return;
        // An early check measured existence only: keep the cycle's other figures (probes, system, program...) for display.
        const previous = rt.lastObservation;
        rt.lastObservation = outOfCycle && previous ? { ...previous, ...observation, probes: previous.probes } : observation;
        const out = evaluateCheck({ spec: rt.spec, state: rt.state, observation, now: deps.clock.now(), outOfCycle });
        this.apply(rt, out);
        rt.lastCheckMs = deps.clock.now() - began;
        host.figures.record(rt.spec.name, historySample(rt), deps.clock.now());
      } catch (err) {
        logInternalError(deps.logger, `${quote(rt.spec.name)} check failed`, err);
      } finally {
        rt.checking = null;
      }
    })();
    rt.checking = run;
    return run;
  }

  private apply(rt: ServiceRuntime, out: CheckOutput): void {
    const before = rt.state;
    rt.state = out.state;
    // A process that is gone has no identity: the liveness watch must not keep firing on its old pid.
    if (rt.lastObservation?.process?.found === null && rt.state.identity !== null) rt.state = { ...rt.state, identity: null };
    for (const event of out.events) this.host.emit(event);
    this.host.afterCheck(rt.spec, out);
    for (const action of out.actions) this.host.dispatch(rt, action);
    // A check that changed nothing but its histories is saved with the cycle's others once they are all done
    // (semantics: the state file is written after each cycle in which it changed); events and actions at once.
    if (out.events.length > 0 || out.actions.length > 0) this.host.markDirty();
    else if (changedMoreThanCounters(before, rt.state)) this.unsaved = true;
    else this.countersMoved = true;
  }
}

/**
 * A steady check (the engine keeps every unchanged part of the state as the same object) moves only the check
 * counter and time, and perhaps a rule's message (a response time, a figure); writing 500 services' state each
 * second for that was a tenth of tsmonit's idle CPU. Messages are for display: the next check rewrites them.
 */
function changedMoreThanCounters(before: ServiceState, after: ServiceState): boolean {
  return differsExcept(before, after, COUNTERS, (key, a, b) => key !== 'rules' || rulesChanged(a as ServiceState['rules'], b as ServiceState['rules']));
}

function rulesChanged(before: ServiceState['rules'], after: ServiceState['rules']): boolean {
  return differsExcept(before, after, NOTHING, (_id, a, b) => a === undefined || differsExcept(a as RuleState, b as RuleState, MESSAGE));
}

const COUNTERS: ReadonlySet<string> = new Set(['checks', 'lastCheck']);
const MESSAGE: ReadonlySet<string> = new Set(['message']);
const NOTHING: ReadonlySet<string> = new Set();

/**
 * Whether `after` differs from `before` in its keys, or in a value outside `ignored` that is another object and,
 * asked, `differs` (by default, any other object differs).
 */
function differsExcept<T extends object>(before: T, after: T, ignored: ReadonlySet<string>,
  differs: (key: string, a: unknown, b: unknown) => boolean = () => true): boolean {
  const keys = Object.keys(after) as Array<keyof T & string>;
  if (keys.length !== Object.keys(before).length) return true;
  return keys.some((key) => !ignored.has(key) && before[key] !== after[key] && differs(key, before[key], after[key]));
}
