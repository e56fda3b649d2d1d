// monit's plain-text pages: `/_status?format=text`, `/_summary`, `/_report` (monit.md 5.3 layouts).
// text/plain with nosniff: a browser never renders these as markup.
import type { PortStatus, ServiceStatus, StatusSnapshot } from '../daemon/facade.ts';

const TYPE_ORDER = ['system', 'process', 'file', 'fifo', 'directory', 'filesystem', 'host', 'network', 'program'];
const TYPE_NAMES: Record<string, string> = {
  system: 'System', process: 'Process', file: 'File', fifo: 'Fifo', directory: 'Directory',
  filesystem: 'Filesystem', host: 'Remote Host', network: 'Network', program: 'Program',
};
const MONITORING: Record<string, string> = {
  monitored: 'Monitored', 'not monitored': 'Not monitored', initializing: 'Initializing', waiting: 'Waiting',
};

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
  if (n === null) return '-';
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${v} B` : `${v.toFixed(1)} ${units[i]}`;
}

const pct = (n: number | null): string => (n === null ? '-' : `${n.toFixed(1)}%`);
const line = (key: string, value: string | number | null): string => `  ${key.padEnd(33)}${value === null ? '-' : String(value)}`;

function portLine(p: PortStatus): string {
  const time = p.ok === true && p.responseTimeMs !== null ? `${p.responseTimeMs.toFixed(3)} ms` : 'FAILED';
  const target = p.path ?? `${p.host}:${p.port ?? ''}`;
  return line(p.type === 'PING' ? 'ping response time' : 'port response time', `${time} to ${target} type ${p.type} protocol ${p.protocol.toUpperCase()}`);
}

function serviceText(s: ServiceStatus): string[] {
  const out = [`${TYPE_NAMES[s.type] ?? s.type} '${s.name}'`, line('status', s.status), line('monitoring status', MONITORING[s.monitoring] ?? s.monitoring)];
  out.push(line('monitoring mode', s.mode), line('on reboot', s.onreboot));
  const p = s.process;
  if (p && p.pid !== null) {
    out.push(line('pid', p.pid), line('parent pid', p.ppid), line('uptime', duration(p.uptime)), line('threads', p.threads), line('children', p.children));
    out.push(line('cpu', pct(p.cpu)), line('cpu total', pct(p.cpuTotal)));
    out.push(line('memory', `${pct(p.memoryPercent)} [${bytes(p.memory)}]`), line('memory total', bytes(p.memoryTotal)));
  }
  const sys = s.system;
  if (sys) {
    out.push(line('load average', sys.load ? sys.load.map((l, i) => `[${l.toFixed(2)}]`.padEnd(i < 2 ? 7 : 0)).join(' ') : null));
    out.push(line('cpu', sys.cpu ? `${sys.cpu.user.toFixed(1)}%usr ${sys.cpu.system.toFixed(1)}%sys ${sys.cpu.wait.toFixed(1)}%wa` : null));
    out.push(line('memory usage', sys.memory ? `${bytes(sys.memory.bytes)} [${pct(sys.memory.percent)}]` : null));
    out.push(line('swap usage', sys.swap ? `${bytes(sys.swap.bytes)} [${pct(sys.swap.percent)}]` : null), line('uptime', duration(sys.uptime)));
  }
  for (const port of s.ports ?? []) out.push(portLine(port));
  out.push(line('data collected', s.lastCheck ?? '-'));
  return out;
}

function header(snapshot: StatusSnapshot): string {
  return `tsmonit ${snapshot.server.version} uptime: ${duration(snapshot.server.uptime)}`;
}

export function statusText(snapshot: StatusSnapshot): string {
  const blocks = byType(snapshot.services).map((s) => serviceText(s).join('\n'));
  return `${header(snapshot)}\n\n${blocks.join('\n\n')}\n`;
}

export function summaryText(snapshot: StatusSnapshot): string {
  const rows = byType(snapshot.services).map((s) => ` ${s.name.padEnd(32)} ${s.status.slice(0, 26).padEnd(27)} ${TYPE_NAMES[s.type] ?? s.type}`);
  return [header(snapshot), ` ${'Service Name'.padEnd(32)} ${'Status'.padEnd(27)} Type`, ...rows].join('\n') + '\n';
}

export type ReportType = 'up' | 'down' | 'initializing' | 'unmonitored' | 'total';

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
  const share = (n: number) => `${n}`.padEnd(3) + ` (${c.total === 0 ? '0.0' : ((100 * n) / c.total).toFixed(1)}%)`;
  return [
    `up:             ${share(c.up)}`, `down:           ${share(c.down)}`, `initialising:   ${share(c.initializing)}`,
    `unmonitored:    ${share(c.unmonitored)}`, `total:          ${c.total} services`,
  ].join('\n') + '\n';
}
