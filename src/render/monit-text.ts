// monit's plain-text layouts (monit.md 5.3): status, summary, report. Pure: the web server serves them
// (`/_status?format=text`, `/_summary`, `/_report`) and the CLI prints them, so both show the same text.
// A Paint lets the CLI colour values on a terminal without changing the layout.
import type { PortStatus, ServiceStatus, StatusSnapshot } from '../daemon/facade.ts';
import { kindLines } from './status-kinds.ts';
import { sizeText } from './size-text.ts';

const TYPE_ORDER = ['system', 'process', 'file', 'fifo', 'directory', 'filesystem', 'host', 'network', 'program'];
export const TYPE_NAMES: Record<string, string> = {
  system: 'System', process: 'Process', file: 'File', fifo: 'Fifo', directory: 'Directory',
  filesystem: 'Filesystem', host: 'Remote Host', network: 'Network', program: 'Program',
};
const MONITORING: Record<string, string> = {
  monitored: 'Monitored', 'not monitored': 'Not monitored', initializing: 'Initializing', waiting: 'Waiting',
};

/** How a value is shown: identity in plain text; the CLI colours on a terminal. Applied after padding. */
export interface Paint {
  heading(text: string): string;
  status(text: string, service: ServiceStatus): string;
}

export const PLAIN: Paint = { heading: (t) => t, status: (t) => t };

/** monit's order: by type (System, Process, File, ...), file order within a type. */
export function byType(services: readonly ServiceStatus[]): ServiceStatus[] {
  const rank = (s: ServiceStatus) => TYPE_ORDER.indexOf(s.type);
  return [...services].sort((a, b) => rank(a) - rank(b));
}

export function duration(seconds: number | null): string {
  if (seconds === null) return '-';
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d}d ${h}h ${m}m` : h > 0 ? `${h}h ${m}m` : `${m}m`;
}

export function bytes(n: number | null): string {
  return n === null ? '-' : sizeText(n);
}

const pct = (n: number | null): string => (n === null ? '-' : `${n.toFixed(1)}%`);
const line = (key: string, value: string | number | null): string => `  ${key.padEnd(33)}${value === null ? '-' : String(value)}`;

function portLine(p: PortStatus): string {
  const time = p.ok === true && p.responseTimeMs !== null ? `${p.responseTimeMs.toFixed(3)} ms` : 'FAILED';
  const target = p.path ?? `${p.host}:${p.port ?? ''}`;
  return line(p.type === 'PING' ? 'ping response time' : 'port response time', `${time} to ${target} type ${p.type} protocol ${p.protocol.toUpperCase()}`);
}

function processLines(s: ServiceStatus): string[] {
  const p = s.process;
  if (!p || p.pid === null) return [];
  return [
    line('pid', p.pid), line('parent pid', p.ppid), line('uptime', duration(p.uptime)), line('threads', p.threads),
    line('children', p.children), line('cpu', pct(p.cpu)), line('cpu total', pct(p.cpuTotal)),
    line('memory', `${pct(p.memoryPercent)} [${bytes(p.memory)}]`), line('memory total', bytes(p.memoryTotal)),
  ];
}

function systemLines(s: ServiceStatus): string[] {
  const sys = s.system;
  if (!sys) return [];
  return [
    line('load average', sys.load ? sys.load.map((l, i) => `[${l.toFixed(2)}]`.padEnd(i < 2 ? 7 : 0)).join(' ') : null),
    line('cpu', sys.cpu ? `${sys.cpu.user.toFixed(1)}%usr ${sys.cpu.system.toFixed(1)}%sys ${sys.cpu.wait.toFixed(1)}%wa` : null),
    line('memory usage', sys.memory ? `${bytes(sys.memory.bytes)} [${pct(sys.memory.percent)}]` : null),
    line('swap usage', sys.swap ? `${bytes(sys.swap.bytes)} [${pct(sys.swap.percent)}]` : null),
    line('uptime', duration(sys.uptime)),
  ];
}

function serviceText(s: ServiceStatus, paint: Paint): string[] {
  return [
    paint.heading(`${TYPE_NAMES[s.type] ?? s.type} '${s.name}'`),
    `  ${'status'.padEnd(33)}${paint.status(s.status, s)}`,
    line('monitoring status', MONITORING[s.monitoring] ?? s.monitoring),
    line('monitoring mode', s.mode), line('on reboot', s.onreboot),
    ...processLines(s), ...systemLines(s), ...kindLines(s, line), ...(s.ports ?? []).map(portLine),
    line('data collected', s.lastCheck ?? '-'),
  ];
}

export function header(snapshot: StatusSnapshot): string {
  return `tsmonit ${snapshot.server.version} uptime: ${duration(snapshot.server.uptime)}`;
}

export function statusText(snapshot: StatusSnapshot, paint: Paint = PLAIN): string {
  const blocks = byType(snapshot.services).map((s) => serviceText(s, paint).join('\n'));
  return `${paint.heading(header(snapshot))}\n\n${blocks.join('\n\n')}\n`;
}

export const SUMMARY_HEADINGS = ['Service Name', 'Status', 'Type'] as const;

export interface SummaryRow {
  service: ServiceStatus;
  cells: [name: string, status: string, type: string];
}

export function summaryRows(snapshot: StatusSnapshot): SummaryRow[] {
  return byType(snapshot.services).map((s) => ({ service: s, cells: [s.name, s.status, TYPE_NAMES[s.type] ?? s.type] }));
}

export function summaryText(snapshot: StatusSnapshot): string {
  const row = (name: string, status: string, type: string) => ` ${name.padEnd(32)} ${status.slice(0, 26).padEnd(27)} ${type}`;
  const rows = summaryRows(snapshot).map((r) => row(...r.cells));
  return [header(snapshot), row(...SUMMARY_HEADINGS), ...rows].join('\n') + '\n';
}

export type ReportType = 'up' | 'down' | 'initializing' | 'unmonitored' | 'total';

/** Report types as monit spells them (both spellings of initialising). */
export const REPORT_TYPES: Readonly<Record<string, ReportType>> = {
  up: 'up', down: 'down', initializing: 'initializing', initialising: 'initializing', unmonitored: 'unmonitored', total: 'total',
};

export function reportCounts(services: readonly ServiceStatus[]): Record<ReportType, number> {
  const counts = { up: 0, down: 0, initializing: 0, unmonitored: 0, total: services.length };
  for (const s of services) {
    if (s.monitoring === 'not monitored') counts.unmonitored++;
    else if (s.monitoring === 'initializing') counts.initializing++;
    else if (s.ok) counts.up++;
    else counts.down++;
  }
  return counts;
}

export function reportText(services: readonly ServiceStatus[], type?: ReportType): string {
  const c = reportCounts(services);
  if (type) return `${c[type]}\n`;
  const share = (n: number) => `${n} (${c.total === 0 ? '0.0' : ((100 * n) / c.total).toFixed(1)}%)`;
  return [
    `up:             ${share(c.up)}`, `down:           ${share(c.down)}`, `initialising:   ${share(c.initializing)}`,
    `unmonitored:    ${share(c.unmonitored)}`, `total:          ${c.total} services`,
  ].join('\n') + '\n';
}
