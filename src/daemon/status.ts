// The JSON view of a service (interfaces.md "A Service in JSON").
import { failuresOf, restartsWithin, ruleInWords, statusText } from '../engine/index.ts';
import type { ConnectionTest } from '../model/rule.ts';
import type { PortStatus, ProcessStatus, RuleStatus, ServiceStatus, SystemStatus } from './facade.ts';
import { connectionRules, defaultProbeHost } from './checks.ts';
import { filesystemStatus, fileStatus, networkStatus, programStatus } from './status-kinds.ts';
import type { HistorySample } from './history.ts';
import type { ServiceRuntime } from './runtime.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function processStatus(rt: ServiceRuntime): ProcessStatus {
  const p = rt.lastObservation?.process?.found ?? null;
  return {
    pid: p?.pid ?? null,
    ppid: p?.ppid ?? null,
    uptime: p ? Math.round(p.uptimeS) : null,
    cpu: p?.cpuPercent ?? null,
    cpuTotal: p?.cpuTotalPercent ?? null,
    memory: p?.memoryBytes ?? null,
    memoryPercent: p?.memoryPercent ?? null,
    memoryTotal: p?.memoryTotalBytes ?? null,
    children: p?.children ?? null,
    threads: p?.threads ?? null,
  };
}

function systemStatus(rt: ServiceRuntime): SystemStatus {
  const s = rt.lastObservation?.system ?? null;
  return {
    load: s?.load ?? null,
    cpu: s?.cpu ?? null,
    memory: s ? { bytes: s.memory.bytes, percent: s.memory.percent } : null,
    swap: s ? { bytes: s.swap.bytes, percent: s.swap.percent } : null,
    uptime: s ? Math.round(s.uptimeS) : null,
  };
}

function portStatus(rt: ServiceRuntime, rule: { id: string; test: ConnectionTest }): PortStatus {
  const t = rule.test.target;
  const result = rt.lastObservation?.probes[rule.id];
  const base = {
    protocol: rule.test.protocol?.name ?? 'default',
    ok: result && !result.skipped ? result.ok : null,
    responseTimeMs: result?.responseTimeMs ?? null,
    error: result && !result.ok && !result.skipped ? result.message : null,
  };
  if (t.type === 'port') return { host: t.host ?? defaultProbeHost(rt.spec), port: t.port, type: t.socket.toUpperCase(), ...base };
  if (t.type === 'unix') return { host: '', port: null, path: t.path, type: `UNIX ${t.socket.toUpperCase()}`, ...base };
  if (t.type === 'url') return { host: t.url, port: null, type: 'URL', ...base };
  return { host: defaultProbeHost(rt.spec), port: null, type: 'PING', ...base };
}

/** What a ServiceStatus is made of: each part is replaced, never changed in place, when it changes. */
interface StatusInputs {
  spec: ServiceRuntime['spec'];
  state: ServiceRuntime['state'];
  observation: ServiceRuntime['lastObservation'];
  pending: ServiceRuntime['pending'];
  nextCheck: ServiceRuntime['nextCheck'];
  lastCheckMs: ServiceRuntime['lastCheckMs'];
}

// The status of every service is asked for on every API or status-page request (the benchmark's profile:
// a third of a request's CPU went into rebuilding unchanged statuses); rebuilt only when an input changed.
const built = new WeakMap<ServiceRuntime, { inputs: StatusInputs; status: ServiceStatus }>();

function inputsOf(rt: ServiceRuntime): StatusInputs {
  return { spec: rt.spec, state: rt.state, observation: rt.lastObservation, pending: rt.pending, nextCheck: rt.nextCheck, lastCheckMs: rt.lastCheckMs };
}

// Compared with the runtime itself: nothing is allocated when nothing changed (asked 200 times per request).
function sameInputs(a: StatusInputs, rt: ServiceRuntime): boolean {
  return a.spec === rt.spec && a.state === rt.state && a.observation === rt.lastObservation && a.pending === rt.pending
    && a.nextCheck === rt.nextCheck && a.lastCheckMs === rt.lastCheckMs;
}

/** A service's status: the same frozen object while nothing it is made of has changed. */
export function serviceStatus(rt: ServiceRuntime): ServiceStatus {
  const cached = built.get(rt);
  if (cached && sameInputs(cached.inputs, rt)) return cached.status;
  // Shared between callers: frozen, so a caller that tried to change it would fail loudly, not corrupt others.
  const status = Object.freeze(buildServiceStatus(rt));
  built.set(rt, { inputs: inputsOf(rt), status });
  return status;
}

function buildServiceStatus(rt: ServiceRuntime): ServiceStatus {
  const { spec, state } = rt;
  const failures = state.monitoring === 'not monitored' ? [] : failuresOf(spec, state);
  const config: ServiceStatus['config'] = {};
  if (spec.type === 'process') {
    if (spec.pidfile !== undefined) config.pidfile = spec.pidfile;
    if (spec.matching !== undefined) config.matching = spec.matching;
  }
  if ('path' in spec) config.path = spec.path;
  if (spec.type === 'host') config.address = spec.address;
  if (spec.type === 'network') {
    if (spec.interface !== undefined) config.interface = spec.interface;
    if (spec.address !== undefined) config.address = spec.address;
  }
  if (spec.type === 'program') config.program = spec.program.text;
  if (spec.start) config.start = spec.start.text;
  if (spec.stop) config.stop = spec.stop.text;
  if (spec.restart) config.restart = spec.restart.text;
  if (spec.every) config.every = spec.every.kind === 'cycles' ? `every ${spec.every.cycles} cycles` : `every "${spec.every.cron}"`;
  const status: ServiceStatus = {
    name: spec.name,
    type: spec.type,
    monitoring: state.monitoring,
    status: statusText(spec, state, rt.pending ?? undefined),
    failures,
    ok: failures.length === 0 && state.monitoring !== 'not monitored',
    pendingAction: rt.pending,
    groups: [...spec.groups],
    dependsOn: [...spec.depends],
    lastCheck: iso(state.lastCheck),
    nextCheck: iso(rt.nextCheck),
    restarts: state.restartsTotal,
    checkDurationMs: rt.lastCheckMs,
    mode: spec.mode,
    onreboot: spec.onreboot ?? 'default',
    config,
  };
  if (spec.type === 'process') status.process = processStatus(rt);
  if (spec.type === 'system') status.system = systemStatus(rt);
  const obs = rt.lastObservation;
  if (spec.type === 'file' || spec.type === 'directory' || spec.type === 'fifo') status.file = fileStatus(obs, spec.type === 'file');
  if (spec.type === 'program') status.program = programStatus(obs);
  if (spec.type === 'filesystem') status.filesystem = filesystemStatus(obs);
  if (spec.type === 'network') status.network = networkStatus(obs);
  const conns = connectionRules(spec);
  if (conns.length > 0) status.ports = conns.map((r) => portStatus(rt, r));
  return status;
}

/** What the history keeps of a check (history.ts), without building the whole status. */
export function historySample(rt: ServiceRuntime): HistorySample {
  const obs = rt.lastObservation;
  const conns = connectionRules(rt.spec);
  const ports = conns.length > 0 ? conns.map((r) => portStatus(rt, r)) : [];
  if (rt.spec.type === 'system') return { cpu: obs?.system?.cpu?.usage ?? null, memory: obs?.system?.memory.bytes ?? null, ports };
  const p = rt.spec.type === 'process' ? obs?.process?.found : null;
  return { cpu: p?.cpuPercent ?? null, memory: p?.memoryBytes ?? null, ports };
}

export function ruleStatuses(rt: ServiceRuntime): RuleStatus[] {
  const rules = rt.spec.rules.map((rule): RuleStatus => {
    const rs = rt.state.rules[rule.id];
    return { rule: ruleInWords(rule), implicit: rule.implicit === true, state: rs?.state ?? 'init', message: rs?.message ?? null };
  });
  // `if N restarts within M cycles then ACTION` is a rule too (the dashboard lists every rule).
  const limits = rt.spec.restartLimits.map((limit): RuleStatus => {
    const count = restartsWithin(rt.state.restarts, rt.state.checks, limit.cycles);
    return { rule: limit.text, implicit: false, state: count >= limit.count ? 'failed' : 'succeeded', message: `${count} restart(s) within the last ${limit.cycles} cycle(s)` };
  });
  return [...rules, ...limits];
}
