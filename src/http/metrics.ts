// GET /metrics: Prometheus text format (prom-client), one registry per server. Figures come from one
// status snapshot per scrape; events and cycle durations are counted as the daemon reports them.
// prom-client is loaded at the first scrape: about 10 MB of resident memory a daemon that is never scraped
// does not need (the overhead benchmark's RSS goal).
import type * as PromClient from 'prom-client';
import type { MonitorFacade, ServiceStatus, StatusSnapshot } from '../daemon/facade.ts';

type Labels = Record<string, string>;

/** prom-client's Registry.PROMETHEUS_CONTENT_TYPE, known before the library is loaded. */
export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export class Metrics {
  private registry: PromClient.Registry | null = null;
  private prom: typeof PromClient | null = null;
  private snapshot: StatusSnapshot | null = null;
  private lastCycleSeconds: number | null = null;
  private readonly eventCounts = new Map<string, number>();
  private readonly unsubscribe: Array<() => void>;

  constructor(private readonly monitor: MonitorFacade) {
    // The log holds the events since start (bounded ring): count those, then every new one.
    for (const e of monitor.events({ limit: 100_000 })) this.countEvent(e.kind);
    this.unsubscribe = [
      monitor.onEvent((e) => this.countEvent(e.kind)),
      monitor.onCycle((r) => {
        this.lastCycleSeconds = r.durationMs / 1000;
      }),
    ];
  }

  async text(): Promise<string> {
    const registry = await this.loaded();
    this.snapshot = this.monitor.status();
    try {
      return await registry.metrics();
    } finally {
      this.snapshot = null;
    }
  }

  close(): void {
    for (const off of this.unsubscribe) off();
  }

  private async loaded(): Promise<PromClient.Registry> {
    if (!this.registry) {
      this.prom = await import('prom-client');
      this.registry ??= new this.prom.Registry();
      if (this.registry.getMetricsAsArray().length === 0) this.define();
    }
    return this.registry;
  }

  private countEvent(kind: string): void {
    this.eventCounts.set(kind, (this.eventCounts.get(kind) ?? 0) + 1);
  }

  private services(): ServiceStatus[] {
    return this.snapshot?.services ?? [];
  }

  /** A gauge whose values are recomputed from the snapshot at each scrape. */
  private gauge(name: string, help: string, labelNames: string[], values: () => Array<[Labels, number | null | undefined]>): void {
    new this.prom!.Gauge({
      name, help, labelNames, registers: [this.registry!],
      collect() {
        this.reset();
        for (const [labels, v] of values()) if (v !== null && v !== undefined) this.set(labels, v);
      },
    });
  }

  private counter(name: string, help: string, labelNames: string[], values: () => Array<[Labels, number]>): void {
    new this.prom!.Counter({
      name, help, labelNames, registers: [this.registry!],
      collect() {
        this.reset();
        for (const [labels, v] of values()) this.inc(labels, v);
      },
    });
  }

  private define(): void {
    const each = <T>(f: (s: ServiceStatus) => T) => this.services().map(f);
    const id = (s: ServiceStatus) => ({ service: s.name, type: s.type });
    this.gauge('tsmonit_service_up', '1 when the service is monitored and every check passes', ['service', 'type'], () =>
      each((s) => [id(s), s.ok ? 1 : 0]));
    this.gauge('tsmonit_service_monitored', '1 when the service is monitored (or initializing, waiting), 0 when not', ['service', 'type'], () =>
      each((s) => [id(s), s.monitoring === 'not monitored' ? 0 : 1]));
    this.counter('tsmonit_service_restarts_total', 'starts and restarts triggered by rules', ['service', 'type'], () =>
      each((s) => [id(s), s.restarts]));
    const processes = () => this.services().filter((s) => s.process && s.process.pid !== null);
    this.gauge('tsmonit_process_cpu_percent', 'CPU of the process as monit computes it (0-100)', ['service'], () =>
      processes().map((s) => [{ service: s.name }, s.process!.cpu]));
    this.gauge('tsmonit_process_memory_bytes', 'resident memory of the process', ['service'], () =>
      processes().map((s) => [{ service: s.name }, s.process!.memory]));
    this.gauge('tsmonit_process_uptime_seconds', 'uptime of the process', ['service'], () =>
      processes().map((s) => [{ service: s.name }, s.process!.uptime]));
    const portLabels = ['service', 'host', 'port', 'protocol'];
    const ports = () => this.services().flatMap((s) => (s.ports ?? []).map((p) => ({ s, p, labels: { service: s.name, host: p.path ?? p.host, port: p.port === null ? '' : String(p.port), protocol: p.protocol } })));
    this.gauge('tsmonit_port_up', '1 when the last connection test passed, 0 when it failed', portLabels, () =>
      ports().map(({ p, labels }) => [labels, p.ok === null ? null : p.ok ? 1 : 0]));
    this.gauge('tsmonit_port_response_seconds', 'response time of the last connection test', portLabels, () =>
      ports().map(({ p, labels }) => [labels, p.responseTimeMs === null ? null : p.responseTimeMs / 1000]));
    this.gauge('tsmonit_check_duration_seconds', 'duration of the last check of the service', ['service'], () =>
      each((s) => [{ service: s.name }, s.checkDurationMs === null || s.checkDurationMs === undefined ? null : s.checkDurationMs / 1000]));
    this.gauge('tsmonit_cycle_duration_seconds', 'duration of the last full cycle', [], () => [[{}, this.lastCycleSeconds]]);
    this.counter('tsmonit_events_total', 'events recorded since tsmonit started, by kind', ['kind'], () =>
      [...this.eventCounts].map(([kind, n]) => [{ kind }, n]));
    this.gauge('tsmonit_daemon_uptime_seconds', 'seconds since tsmonit started', [], () => [[{}, this.snapshot?.server.uptime]]);
    this.counter('tsmonit_cycles_total', 'cycles run since tsmonit started', [], () => [[{}, this.snapshot?.server.cycles ?? 0]]);
  }
}
