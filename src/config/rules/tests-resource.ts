// Resource clauses, chainable: `if cpu > 50% memory > 80% then alert` (monit.md 2.3).
// process: cpu, total cpu, memory, total memory, children, threads, loadavg, [total] filedescriptors;
// system: cpu [usage|user|system|wait], memory, swap, loadavg [per core], filedescriptors.
import type { ResourceName, ResourceUnit, Test } from '../../model/rule.ts';
import { failing, type TestClause } from './clause.ts';
import type { Cursor } from './cursor.ts';
import { parseOperator } from './operators.ts';
import { readQuantity, type QuantityKind, type QuantitySpec } from './quantity.ts';
import type { Token } from './tokenizer.ts';

const SIMPLE: Record<string, ResourceName> = {
  cpu: 'cpu',
  totalcpu: 'totalcpu',
  cpuuser: 'cpuuser', cpuusr: 'cpuuser', cpuus: 'cpuuser',
  cpusystem: 'cpusystem', cpusys: 'cpusystem', cpusy: 'cpusystem',
  cpuwait: 'cpuwait', cpuwa: 'cpuwait',
  memory: 'memory', mem: 'memory',
  totalmemory: 'totalmemory', totalmem: 'totalmemory',
  swap: 'swap',
  children: 'children',
  threads: 'threads',
  filedescriptors: 'filedescriptors',
  totalfiledescriptors: 'totalfiledescriptors',
};
const CPU_KINDS: Record<string, ResourceName> = {
  user: 'cpuuser', usr: 'cpuuser', us: 'cpuuser',
  system: 'cpusystem', sys: 'cpusystem', sy: 'cpusystem',
  wait: 'cpuwait', wa: 'cpuwait',
};
const CPU_UNSUPPORTED = ['nice', 'hardirq', 'softirq', 'steal', 'guest', 'guestnice'];
const TOTALS: Record<string, ResourceName> = {
  cpu: 'totalcpu', memory: 'totalmemory', mem: 'totalmemory', filedescriptors: 'totalfiledescriptors',
};
const LOADAVG_PERIODS: Record<number, ResourceName> = { 1: 'loadavg1', 5: 'loadavg5', 15: 'loadavg15' };

/** What each resource is measured in. */
const UNITS: Record<ResourceName, { allow: QuantityKind[]; dflt?: 'percent' }> = {
  cpu: { allow: ['percent'], dflt: 'percent' },
  totalcpu: { allow: ['percent'], dflt: 'percent' },
  cpuuser: { allow: ['percent'], dflt: 'percent' },
  cpusystem: { allow: ['percent'], dflt: 'percent' },
  cpuwait: { allow: ['percent'], dflt: 'percent' },
  memory: { allow: ['percent', 'bytes'] },
  totalmemory: { allow: ['percent', 'bytes'] },
  swap: { allow: ['percent', 'bytes'] },
  children: { allow: ['none'] },
  threads: { allow: ['none'] },
  loadavg1: { allow: ['none'] },
  loadavg5: { allow: ['none'] },
  loadavg15: { allow: ['none'] },
  filedescriptors: { allow: ['none', 'percent'] },
  totalfiledescriptors: { allow: ['none', 'percent'] },
};

export function atResource(c: Cursor): boolean {
  const t = c.peek();
  if (t.kind !== 'word') return false;
  if (t.value === 'loadavg' || Object.hasOwn(SIMPLE, t.value)) return true;
  const n = c.peek(1);
  return t.value === 'total' && n.kind === 'word' && Object.hasOwn(TOTALS, n.value);
}

function loadavgName(c: Cursor): ResourceName {
  const p = c.peek();
  const after = c.peek(1);
  const periodShape = p.paren || (after.kind === 'word' && ['m', 'min', 'core'].includes(after.value)) || after.kind === 'op';
  if (p.kind !== 'number' || !periodShape) return 'loadavg1';
  const name = LOADAVG_PERIODS[p.num];
  if (!name) c.fail('a load average period (1min, 5min, 15min)');
  c.next();
  c.accept('m', 'min');
  return name;
}

function resourceName(c: Cursor, first: Token): ResourceName {
  if (first.value === 'total') return TOTALS[c.next().value] as ResourceName;
  if (first.value === 'loadavg') return loadavgName(c);
  const name = SIMPLE[first.value] as ResourceName;
  if (name !== 'cpu' || c.peek().kind !== 'word') return name;
  if (c.at(...CPU_UNSUPPORTED)) c.unsupported(c.peek(), `cpu ${c.peek().text}`);
  const kind = CPU_KINDS[c.peek().value];
  if (kind) c.next();
  return kind ?? name;
}

function unitOfResource(kind: QuantityKind, name: ResourceName): ResourceUnit {
  if (kind === 'percent') return 'percent';
  if (kind === 'bytes') return 'bytes';
  return name.startsWith('loadavg') ? 'load' : 'count';
}

function parseResource(c: Cursor): TestClause {
  const first = c.next();
  const resource = resourceName(c, first);
  const perCore = resource.startsWith('loadavg') && c.accept('core') !== undefined;
  const op = parseOperator(c);
  const spec: QuantitySpec = { subject: first.value === 'total' ? `total ${resource.slice(5)}` : first.text, ...UNITS[resource] };
  const q = readQuantity(c, spec);
  const test: Test = { kind: 'resource', resource, op, value: q.value, unit: unitOfResource(q.kind, resource) };
  return failing(perCore ? { ...test, perCore } : test, first);
}

export function parseResourceChain(c: Cursor): TestClause[] {
  const clauses = [parseResource(c)];
  while (atResource(c)) clauses.push(parseResource(c));
  return clauses;
}
