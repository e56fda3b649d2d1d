// Each service's figures over the last hour, for the dashboard's charts: one sample per check, kept in a
// bounded buffer per service. Checks faster than the sample spacing overwrite the newest sample, so an hour
// always fits in the capacity, whatever the cycle.
import type { PortStatus, ServiceHistory, ServiceStatus } from './facade.ts';

/** One service's samples as columns (a sample object per check cost ~150 bytes: ~100 MB at N=200 after an
 * hour, the overhead benchmark found). A ring: `count` samples from slot `start`, wrapping around; NaN is
 * "no figure". A port column holds NaN where that port was not tested and -Infinity where it was tested
 * without a time (failed). Columns grow by doubling up to the capacity, then stay. */
interface Columns {
  t: Float64Array;
  // Figures for charts: single precision is plenty (a 4 GB memory figure is off by at most 256 bytes).
  cpu: Float32Array;
  memory: Float32Array;
  ports: Map<string, Float32Array>;
  start: number;
  count: number;
}

const FAILED = Number.NEGATIVE_INFINITY;

type Column = Float64Array | Float32Array;

function column(size: number): Float32Array {
  return new Float32Array(size).fill(Number.NaN);
}

/** The ring's samples, oldest first. */
function unrolled(c: Columns, a: Column): number[] {
  const out = new Array<number>(c.count);
  for (let k = 0; k < c.count; k++) out[k] = a[(c.start + k) % a.length]!;
  return out;
}

/** What a check leaves in the history: CPU and memory of the process (or the system), and its port tests. */
export interface HistorySample {
  cpu: number | null;
  memory: number | null;
  ports: readonly PortStatus[];
}


/** null for "no figure"; a single-precision figure back to the digits it had (0.1, not 0.10000000149). */
const orNull = (v: number): number | null => (Number.isNaN(v) || v === FAILED ? null : Number(v.toPrecision(7)));

export interface HistoryOptions {
  windowMs?: number;
  capacity?: number;
}

export function portLabel(p: NonNullable<ServiceStatus['ports']>[number]): string {
  if (p.path !== undefined) return `${p.path} ${p.type}`;
  return p.port === null ? `${p.host} ${p.type}` : `${p.host}:${p.port} ${p.type}`;
}

export class History {
  private readonly columns = new Map<string, Columns>();
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

  /** Once per check (the sample comes from status.ts historySample, without building the whole status). */
  record(name: string, f: HistorySample, now: number): void {
    let c = this.columns.get(name);
    if (!c) this.columns.set(name, (c = { t: new Float64Array(16), cpu: column(16), memory: column(16), ports: new Map(), start: 0, count: 0 }));
    const slot = (k: number) => (c.start + k) % c.t.length;
    // The newest sample is replaced until it lies a full spacing after the one before it; then it stays.
    const replace = c.count >= 2 && c.t[slot(c.count - 1)]! - c.t[slot(c.count - 2)]! < this.spacingMs;
    if (!replace && c.count === c.t.length) this.grow(c);
    const i = slot(replace ? c.count - 1 : c.count);
    if (!replace) c.count += 1;
    c.t[i] = now;
    c.cpu[i] = f.cpu ?? Number.NaN;
    c.memory[i] = f.memory ?? Number.NaN;
    for (const ports of c.ports.values()) ports[i] = Number.NaN;
    for (const p of f.ports) {
      const label = portLabel(p);
      const ms = p.ok === false || p.responseTimeMs === null ? FAILED : p.responseTimeMs;
      let ports = c.ports.get(label);
      if (!ports) c.ports.set(label, (ports = column(c.t.length)));
      ports[i] = ms;
    }
    this.prune(c, now);
  }

  /** Drops every service that keep() refuses (after a reload removed them). */
  retain(keep: (name: string) => boolean): void {
    for (const name of [...this.columns.keys()]) if (!keep(name)) this.columns.delete(name);
  }

  series(name: string, now: number): ServiceHistory {
    const c = this.columns.get(name);
    if (!c) return { name, windowSeconds: this.windowMs / 1000, times: [], cpu: [], memory: [], ports: [] };
    this.prune(c, now);
    // Ports in the order they first appear among the kept samples; a port no kept sample tested is left out.
    const labels = [...c.ports]
      .map(([label, a]) => ({ label, values: unrolled(c, a) }))
      .map((p) => ({ ...p, first: p.values.findIndex((v) => !Number.isNaN(v)) }))
      .filter((p) => p.first >= 0)
      .sort((x, y) => x.first - y.first);
    return {
      name,
      windowSeconds: this.windowMs / 1000,
      times: unrolled(c, c.t).map((t) => t / 1000),
      cpu: unrolled(c, c.cpu).map(orNull),
      memory: unrolled(c, c.memory).map(orNull),
      ports: labels.map(({ label, values }) => ({ label, responseMs: values.map(orNull) })),
    };
  }

  /** A full ring doubles (oldest sample to slot 0), up to the capacity and the one sample prune() drops. */
  private grow(c: Columns): void {
    const size = Math.min(c.t.length * 2, this.capacity + 2);
    if (size <= c.t.length) return;
    const move = (a: Float32Array) => {
      const to = column(size);
      to.set(unrolled(c, a));
      return to;
    };
    const times = new Float64Array(size);
    times.set(unrolled(c, c.t));
    c.t = times;
    c.cpu = move(c.cpu);
    c.memory = move(c.memory);
    for (const [label, a] of c.ports) c.ports.set(label, move(a));
    c.start = 0;
  }

  private prune(c: Columns, now: number): void {
    let drop = Math.max(0, c.count - this.capacity);
    while (drop < c.count && c.t[(c.start + drop) % c.t.length]! < now - this.windowMs) drop++;
    c.start = (c.start + drop) % c.t.length;
    c.count -= drop;
  }
}
