// Each service's figures over the last hour, for the dashboard's charts: one sample per check, kept in a
// bounded buffer per service. Checks faster than the sample spacing overwrite the newest sample, so an hour
// always fits in the capacity, whatever the cycle.
import type { ServiceHistory, ServiceStatus } from './facade.ts';

interface Sample {
  t: number;
  cpu: number | null;
  memory: number | null;
  ports: Record<string, number | null>;
}

export interface HistoryOptions {
  windowMs?: number;
  capacity?: number;
}

export function portLabel(p: NonNullable<ServiceStatus['ports']>[number]): string {
  if (p.path !== undefined) return `${p.path} ${p.type}`;
  return p.port === null ? `${p.host} ${p.type}` : `${p.host}:${p.port} ${p.type}`;
}

function sampleOf(status: ServiceStatus, t: number): Sample {
  const ports: Record<string, number | null> = {};
  for (const p of status.ports ?? []) ports[portLabel(p)] = p.ok === false ? null : p.responseTimeMs;
  if (status.system) {
    return { t, cpu: status.system.cpu?.usage ?? null, memory: status.system.memory?.bytes ?? null, ports };
  }
  return { t, cpu: status.process?.cpu ?? null, memory: status.process?.memory ?? null, ports };
}

export class History {
  private readonly samples = new Map<string, Sample[]>();
  private readonly windowMs: number;
  private readonly capacity: number;

  constructor(options: HistoryOptions = {}) {
    this.windowMs = options.windowMs ?? 3_600_000;
    this.capacity = Math.max(2, options.capacity ?? 3600);
  }

  /** The minimum spacing between two kept samples. */
  private get spacingMs(): number {
    return this.windowMs / this.capacity;
  }

  record(status: ServiceStatus, now: number): void {
    let list = this.samples.get(status.name);
    if (!list) this.samples.set(status.name, (list = []));
    const sample = sampleOf(status, now);
    // The newest sample is replaced until it lies a full spacing after the one before it; then it stays.
    const [previous, last] = [list.at(-2), list.at(-1)];
    if (previous && last && last.t - previous.t < this.spacingMs) list[list.length - 1] = sample;
    else list.push(sample);
    this.prune(list, now);
  }

  /** Drops every service that keep() refuses (after a reload removed them). */
  retain(keep: (name: string) => boolean): void {
    for (const name of [...this.samples.keys()]) if (!keep(name)) this.samples.delete(name);
  }

  series(name: string, now: number): ServiceHistory {
    const list = this.samples.get(name) ?? [];
    this.prune(list, now);
    const labels = [...new Set(list.flatMap((s) => Object.keys(s.ports)))];
    return {
      name,
      windowSeconds: this.windowMs / 1000,
      times: list.map((s) => s.t / 1000),
      cpu: list.map((s) => s.cpu),
      memory: list.map((s) => s.memory),
      ports: labels.map((label) => ({ label, responseMs: list.map((s) => s.ports[label] ?? null) })),
    };
  }

  private prune(list: Sample[], now: number): void {
    let drop = Math.max(0, list.length - this.capacity);
    while (drop < list.length && list[drop]!.t < now - this.windowMs) drop++;
    if (drop > 0) list.splice(0, drop);
  }
}
