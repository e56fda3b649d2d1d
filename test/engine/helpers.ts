// Builders for engine tests: specs, rules, observations and fake process tables (plain data, no I/O).
import type { Observation, ProbeResult, ProcessFigures, ProcessInfo, ProcessSnapshot, SystemSample } from '../../src/model/observation.ts';
import type { ActionSpec, Command, Rate, RestartLimit, Rule, Test } from '../../src/model/rule.ts';
import type { HostSpec, ProcessSpec, SystemSpec } from '../../src/model/service.ts';
import type { CheckOutput } from '../../src/model/evaluation.ts';
import type { ServiceState } from '../../src/model/state.ts';
import { evaluateCheck } from '../../src/engine/check.ts';
import { applyUserAction, initialServiceState, recordStart } from '../../src/engine/service-state.ts';

export const T0 = Date.UTC(2024, 0, 1, 12, 0, 0);
const POS = { file: 'test.yml', line: 1, col: 1 };

export function cmd(text: string): Command {
  return { text, argv: text.split(' ') };
}

export function rate(count: number, cycles: number): Rate {
  return { count, cycles };
}

export interface RuleOptions {
  id?: string;
  text?: string;
  polarity?: Rule['polarity'];
  rate?: Rate;
  action?: ActionSpec;
  recovery?: ActionSpec;
  recoveryRate?: Rate;
  implicit?: boolean;
}

export function rule(test: Test, o: RuleOptions = {}): Rule {
  const text = o.text ?? `if ${test.kind} then ${o.action?.type ?? 'alert'}`;
  const r: Rule = {
    id: o.id ?? text,
    text,
    test,
    polarity: o.polarity ?? 'failed',
    rate: o.rate ?? rate(1, 1),
    action: o.action ?? { type: 'alert' },
    recovery: { action: o.recovery ?? { type: 'alert' }, rate: o.recoveryRate ?? rate(1, 1) },
  };
  if (o.implicit) r.implicit = true;
  return r;
}

export const nonexistRule = (action: ActionSpec = { type: 'restart' }): Rule =>
  rule({ kind: 'nonexist' }, { id: 'nonexist', text: `if does not exist then ${action.type}`, action });

export const cpuRule = (limit: number, o: RuleOptions = {}): Rule =>
  rule({ kind: 'resource', resource: 'cpu', op: '>', value: limit, unit: 'percent' }, { id: 'cpu', text: `if cpu > ${limit}% then alert`, ...o });

export function limit(count: number, cycles: number, action: ActionSpec = { type: 'unmonitor' }): RestartLimit {
  return { id: `limit${count}/${cycles}`, text: `if ${count} restarts within ${cycles} cycles then ${action.type}`, count, cycles, action };
}

const COMMON = { pos: POS, groups: [], depends: [], mode: 'active' as const, alerts: [], noalert: [], rules: [], restartLimits: [], ignoreContent: [] };

export function processSpec(over: Partial<ProcessSpec> = {}): ProcessSpec {
  return { ...COMMON, type: 'process', name: 'web', pidfile: '/run/web.pid', start: cmd('/usr/sbin/web -d'), ...over };
}

export function systemSpec(over: Partial<SystemSpec> = {}): SystemSpec {
  return { ...COMMON, type: 'system', name: 'box', ...over };
}

export function hostSpec(over: Partial<HostSpec> = {}): HostSpec {
  return { ...COMMON, type: 'host', name: 'db', address: 'db.example.com', ...over };
}

export function figures(over: Partial<ProcessFigures> = {}): ProcessFigures {
  return {
    pid: 42, ppid: 1, startTime: T0 - 3_600_000, uptimeS: 3600, uid: 33, euid: 33, gid: 33, threads: 4, children: 2,
    cpuPercent: 10, cpuTotalPercent: 15, memoryBytes: 100 * 1024 * 1024, memoryPercent: 5,
    memoryTotalBytes: 150 * 1024 * 1024, memoryTotalPercent: 7.5, cmdline: '/usr/sbin/web -d', ...over,
  };
}

export function systemSample(over: Partial<SystemSample> = {}): SystemSample {
  return {
    at: T0, cores: 4, load: [1, 0.5, 0.25], cpu: { user: 20, system: 10, wait: 5, usage: 30 },
    memory: { bytes: 2 * 1024 ** 3, percent: 25, totalBytes: 8 * 1024 ** 3 },
    swap: { bytes: 0, percent: 0, totalBytes: 1024 ** 3 }, uptimeS: 86_400, bootTime: T0 - 86_400_000, ...over,
  };
}

export interface ObsOptions {
  detail?: string;
  zombie?: boolean;
  system?: SystemSample;
  probes?: Record<string, ProbeResult>;
}

/** A process check's observation: found figures, or null for "not running". */
export function procObs(found: ProcessFigures | null, o: ObsOptions = {}): Observation {
  const process: NonNullable<Observation['process']> = { found, detail: o.detail ?? (found ? `pidfile names pid ${found.pid}` : '') };
  if (o.zombie) process.zombie = true;
  const obs: Observation = { at: T0, process, probes: o.probes ?? {} };
  if (o.system) obs.system = o.system;
  return obs;
}

export function sysObs(system: SystemSample | undefined, probes: Record<string, ProbeResult> = {}): Observation {
  return system ? { at: T0, system, probes } : { at: T0, probes };
}

export function proc(over: Partial<ProcessInfo> & { pid: number }): ProcessInfo {
  return {
    ppid: 1, startTime: T0 - 60_000, state: 'S', uid: 0, euid: 0, gid: 0, threads: 1, cmdline: `proc${over.pid}`,
    rssBytes: 10 * 1024 * 1024, cpuTimeMs: 0, ...over,
  };
}

/** A process table as data: descendants follow ppid links; cpu percents are given per pid. */
export function fakeSnapshot(
  processes: ProcessInfo[],
  o: { at?: number; cores?: number; memTotalBytes?: number; cpu?: Record<number, number | null> } = {},
): ProcessSnapshot {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const descendants = (pid: number): ProcessInfo[] => {
    const kids = processes.filter((p) => p.ppid === pid && p.pid !== pid);
    return kids.flatMap((k) => [k, ...descendants(k.pid)]);
  };
  return {
    at: o.at ?? T0,
    cores: o.cores ?? 4,
    memTotalBytes: o.memTotalBytes ?? 1024 * 1024 * 1024,
    get: (pid) => byPid.get(pid),
    all: () => processes,
    descendants,
    cpuPercent: (pid) => (o.cpu && pid in o.cpu ? (o.cpu[pid] ?? null) : null),
  };
}

/** A monitored state (past its first check), so transitions are what a test looks at. */
export function monitored(spec: ProcessSpec | SystemSpec | HostSpec, over: Partial<ServiceState> = {}): ServiceState {
  return { ...initialServiceState(spec), monitoring: 'monitored', ...over };
}

/**
 * Runs checks one after another with a manual clock (30 s a cycle) and does what the daemon would do with the
 * planned actions that touch state: rule-triggered starts/restarts are recorded, unmonitor is applied.
 */
export function runChecks(
  spec: ProcessSpec | SystemSpec | HostSpec,
  observations: Observation[],
  start: ServiceState = initialServiceState(spec),
): { outputs: CheckOutput[]; state: ServiceState } {
  let state = start;
  const outputs: CheckOutput[] = [];
  observations.forEach((observation, i) => {
    const out = evaluateCheck({ spec, state, observation, now: T0 + i * 30_000 });
    outputs.push(out);
    state = out.state;
    for (const a of out.actions) {
      if (a.type === 'start' || a.type === 'restart') state = recordStart(state, true);
      if (a.type === 'unmonitor') state = applyUserAction(state, 'unmonitor');
    }
  });
  return { outputs, state };
}

export function actionTypes(out: CheckOutput): string[] {
  return out.actions.map((a) => a.type);
}
