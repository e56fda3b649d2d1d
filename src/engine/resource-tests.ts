// Resource thresholds: process figures, or the system's sample (loadavg also in a process check).
import type { Observation } from '../model/observation.ts';
import type { ResourceName, Test } from '../model/rule.ts';
import type { ServiceType } from '../model/service.ts';
import { compare } from './operators.ts';
import { skip, type Outcome } from './outcome.ts';
import { formatValue } from './units.ts';

type ResourceTest = Extract<Test, { kind: 'resource' }>;

/** [how the message names the figure, how the limit is written]. */
const NAMES: Record<ResourceName, [string, string]> = {
  cpu: ['cpu usage', 'cpu'],
  totalcpu: ['total cpu usage', 'total cpu'],
  cpuuser: ['cpu user usage', 'cpu user'],
  cpusystem: ['cpu system usage', 'cpu system'],
  cpuwait: ['cpu wait usage', 'cpu wait'],
  memory: ['memory usage', 'memory'],
  totalmemory: ['total memory usage', 'total memory'],
  swap: ['swap usage', 'swap'],
  children: ['children', 'children'],
  threads: ['threads', 'threads'],
  loadavg1: ['loadavg (1min)', 'loadavg (1min)'],
  loadavg5: ['loadavg (5min)', 'loadavg (5min)'],
  loadavg15: ['loadavg (15min)', 'loadavg (15min)'],
  filedescriptors: ['file descriptors', 'filedescriptors'],
  totalfiledescriptors: ['total file descriptors', 'total filedescriptors'],
};

/** The figure, null while it is still collecting, undefined when it is not measured for this service. */
type Figure = number | null | undefined;

function loadFigure(test: ResourceTest, system: Observation['system']): Figure {
  if (!system) return undefined;
  const index = test.resource === 'loadavg1' ? 0 : test.resource === 'loadavg5' ? 1 : 2;
  const load = system.load[index];
  if (load === undefined) return undefined;
  return test.perCore ? load / Math.max(1, system.cores) : load;
}

function processFigure(test: ResourceTest, obs: Observation): Figure {
  const found = obs.process?.found;
  if (!found) return undefined;
  const percent = test.unit === 'percent';
  switch (test.resource) {
    case 'cpu':
      return found.cpuPercent;
    case 'totalcpu':
      return found.cpuTotalPercent;
    case 'memory':
      return percent ? found.memoryPercent : found.memoryBytes;
    case 'totalmemory':
      return percent ? found.memoryTotalPercent : found.memoryTotalBytes;
    case 'children':
      return found.children;
    case 'threads':
      return found.threads;
    default:
      return undefined;
  }
}

function systemFigure(test: ResourceTest, system: Observation['system']): Figure {
  if (!system) return undefined;
  const percent = test.unit === 'percent';
  switch (test.resource) {
    case 'cpu':
    case 'totalcpu':
      return system.cpu ? system.cpu.usage : null;
    case 'cpuuser':
      return system.cpu ? system.cpu.user : null;
    case 'cpusystem':
      return system.cpu ? system.cpu.system : null;
    case 'cpuwait':
      return system.cpu ? system.cpu.wait : null;
    case 'memory':
      return percent ? system.memory.percent : system.memory.bytes;
    case 'swap':
      return percent ? system.swap.percent : system.swap.bytes;
    default:
      return undefined;
  }
}

function figureOf(type: ServiceType, test: ResourceTest, obs: Observation): Figure {
  if (test.resource.startsWith('loadavg')) return loadFigure(test, obs.system);
  return type === 'process' ? processFigure(test, obs) : systemFigure(test, obs.system);
}

export function resourceOutcome(type: ServiceType, test: ResourceTest, obs: Observation): Outcome {
  const [label, short] = NAMES[test.resource];
  const name = test.perCore ? `${label} per core` : label;
  if (test.resource === 'filedescriptors' || test.resource === 'totalfiledescriptors') {
    return skip(`${name}: no figure measured yet`);
  }
  const value = figureOf(type, test, obs);
  if (value === undefined) return skip(`${name} is not measured for this check`);
  if (value === null) return skip(`${name}: collecting (needs a second sample)`);
  const shown = formatValue(value, test.unit);
  const limit = formatValue(test.value, test.unit);
  const failed = compare(test.op, value, test.value);
  const message = failed
    ? `${name} of ${shown} matches resource limit [${test.perCore ? `${short} per core` : short} ${test.op} ${limit}]`
    : `${name} check succeeded [current ${name} = ${shown}]`;
  return { kind: 'result', failed, message, figures: { [test.resource]: roundFigure(value), limit: test.value } };
}

function roundFigure(value: number): number {
  return Math.round(value * 100) / 100;
}
