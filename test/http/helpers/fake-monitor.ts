// A MonitorFacade with canned data for HTTP unit tests (the daemon itself is tested elsewhere, and
// test/http/real-daemon.test.ts serves a real one). It records what the server asked of it.
import type {
  ActionOutcome, ActionRequest, CycleReport, EventQuery, MonitorFacade, ReloadResult, ServiceDetail, ServiceStatus, StatusSnapshot,
} from '../../../src/daemon/facade.ts';
import type { HttpdConfig } from '../../../src/model/config.ts';
import { TsmonitError } from '../../../src/model/errors.ts';
import type { EventDraft, TsmEvent } from '../../../src/model/event.ts';

export function processService(name: string, extra: Partial<ServiceStatus> = {}): ServiceStatus {
  return {
    name, type: 'process', monitoring: 'monitored', status: 'OK', failures: [], ok: true, pendingAction: null,
    groups: ['web'], dependsOn: [], lastCheck: '2026-01-02T03:04:05.000Z', nextCheck: null, restarts: 2, checkDurationMs: 12,
    mode: 'active', onreboot: 'start', config: { pidfile: `/run/${name}.pid` },
    process: { pid: 4242, ppid: 1, uptime: 3725, cpu: 12.5, cpuTotal: 13, memory: 10 * 1024 * 1024, memoryPercent: 1.5, memoryTotal: 12 * 1024 * 1024, children: 1, threads: 3 },
    ports: [{ host: '127.0.0.1', port: 8080, type: 'TCP', protocol: 'default', ok: true, responseTimeMs: 2.5, error: null }],
    ...extra,
  };
}

export class FakeMonitor implements MonitorFacade {
  services: ServiceStatus[];
  readonly acts: ActionRequest[] = [];
  quits = 0;
  reloads = 0;
  private log: TsmEvent[] = [];
  private readonly eventListeners = new Set<(e: TsmEvent) => void>();
  private readonly cycleListeners = new Set<(r: CycleReport) => void>();

  constructor(services: ServiceStatus[] = [processService('web'), processService('db', { groups: ['data'], ok: false, failures: ['nonexist'], status: 'Does not exist' })]) {
    this.services = services;
  }

  status(): StatusSnapshot {
    return {
      server: { version: '0.1.0', hostname: 'testhost', pid: 99, startedAt: '2026-01-02T00:00:00.000Z', uptime: 600, cycleSeconds: 30, controlFile: '/etc/tsmonit/monitrc.yml', cycles: 7 },
      services: this.services,
    };
  }

  service(name: string): ServiceDetail | undefined {
    const s = this.services.find((x) => x.name === name);
    return s && { ...s, rules: [{ rule: 'if failed port 8080 then restart', implicit: false, state: 'succeeded', message: null }], events: this.events({ service: name }) };
  }

  async act(request: ActionRequest): Promise<ActionOutcome[]> {
    if (!['start', 'stop', 'restart', 'monitor', 'unmonitor'].includes(request.action)) throw new TsmonitError('TSM_E_BAD_ACTION', `"${request.action}" is not an action`);
    let names: string[];
    if (request.group !== undefined) {
      names = this.services.filter((s) => s.groups.includes(request.group!)).map((s) => s.name);
      if (names.length === 0) throw new TsmonitError('TSM_E_UNKNOWN_GROUP', `there is no group named "${request.group}"`);
    } else {
      names = request.services ?? [];
      for (const n of names) if (!this.services.some((s) => s.name === n)) throw new TsmonitError('TSM_E_UNKNOWN_SERVICE', `there is no service named "${n}"`);
    }
    this.acts.push(request);
    for (const n of names) this.emit({ service: n, kind: 'action', state: 'info', message: `${request.action} requested`, action: request.action, ...(request.user ? { user: request.user } : {}) });
    const state = request.waitMs ? 'done' : 'accepted';
    return names.map((service) => ({ service, action: request.action, state, message: `${request.action} ${state}` }));
  }

  emit(draft: EventDraft): TsmEvent {
    const event = { id: this.log.length + 1, time: new Date(0).toISOString(), ...draft };
    this.log.push(event);
    for (const l of this.eventListeners) l(event);
    return event;
  }

  cycle(report: CycleReport): void {
    for (const l of this.cycleListeners) l(report);
  }

  events(query: EventQuery = {}): TsmEvent[] {
    return [...this.log].reverse()
      .filter((e) => (query.sinceId === undefined || e.id > query.sinceId) && (query.service === undefined || e.service === query.service) && (query.kind === undefined || e.kind === query.kind))
      .slice(0, query.limit ?? 100);
  }

  onEvent(listener: (event: TsmEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onCycle(listener: (report: CycleReport) => void): () => void {
    this.cycleListeners.add(listener);
    return () => this.cycleListeners.delete(listener);
  }

  get listenerCount(): number {
    return this.eventListeners.size + this.cycleListeners.size;
  }

  async reload(): Promise<ReloadResult> {
    this.reloads++;
    return { ok: true, errors: [], warnings: [] };
  }

  async validate(): Promise<StatusSnapshot> {
    return this.status();
  }

  async quit(): Promise<void> {
    this.quits++;
  }
}

/** The same capturing logger as the daemon tests use; the HTTP tests know it by this name. */
export { CapturingLogger as MemoryLogger } from '../../helpers/capturing-logger.ts';

export function httpdConfig(allow: HttpdConfig['allow'], extra: Partial<HttpdConfig> = {}): HttpdConfig {
  return { port: 2812, address: '127.0.0.1', allow, loginLimit: 10, pos: { file: 'test.yml', line: 1, col: 1 }, ...extra };
}

export const ADMIN = { user: 'admin', password: 'monit' };
export const GUEST = { user: 'guest', password: 'guest' };

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** The usual test allow list: a host, the admin and a read-only guest. */
export const STANDARD_ALLOW: HttpdConfig['allow'] = [
  { kind: 'host', value: '127.0.0.1' },
  { kind: 'host', value: '::1' },
  { kind: 'user', user: ADMIN.user, password: ADMIN.password, readonly: false },
  { kind: 'user', user: GUEST.user, password: GUEST.password, readonly: true },
];
