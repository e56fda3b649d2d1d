// A real consumer of /metrics: parse-prometheus-text-format (it ships no types; this is its shape).
import parsePrometheus from 'parse-prometheus-text-format';

export interface MetricFamily {
  name: string;
  help: string;
  type: 'GAUGE' | 'COUNTER' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: Array<{ value: string; labels?: Record<string, string> }>;
}

export function parseMetrics(text: string): Map<string, MetricFamily> {
  const families = (parsePrometheus as (t: string) => MetricFamily[])(text);
  return new Map(families.map((f) => [f.name, f]));
}

/** The value of one series; undefined when absent. */
export function sample(families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}): number | undefined {
  const m = families.get(name)?.metrics.find((x) => Object.entries(labels).every(([k, v]) => x.labels?.[k] === v));
  return m === undefined ? undefined : Number(m.value);
}
