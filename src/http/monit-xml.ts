// `/_status?format=xml` in monit's XML layout (version 1), so exporters and scripts written for monit
// parse it. Never a credential: monit leaks its M/Monit password here; tsmonit holds none to leak.
import { createHash } from 'node:crypto';
import os from 'node:os';
import type {
  FilesystemStatus, FileStatus, NetworkStatus, PortStatus, ProcessStatus, ProgramStatus, ServiceStatus, StatusSnapshot, SystemStatus,
} from '../daemon/facade.ts';
import type { HttpdConfig } from '../model/config.ts';
import { escapeXml } from './escape.ts';

/** monit's Event_Type bits, for the `status` (failed) bitmap. */
const EVENT_BITS: Record<string, number> = {
  checksum: 0x1, resource: 0x2, timeout: 0x4, timestamp: 0x8, size: 0x10, connection: 0x20, permission: 0x40,
  uid: 0x80, gid: 0x100, nonexist: 0x200, invalid: 0x400, data: 0x800, exec: 0x1000, fsflags: 0x2000,
  icmp: 0x4000, content: 0x8000, instance: 0x10000, action: 0x20000, pid: 0x40000, ppid: 0x80000,
  status: 0x200000, uptime: 0x400000, link: 0x800000, saturation: 0x2000000, bytein: 0x4000000,
  byteout: 0x8000000, exist: 0x40000000,
};
const SERVICE_TYPES: Record<string, number> = {
  filesystem: 0, directory: 1, file: 2, process: 3, host: 4, system: 5, fifo: 6, program: 7, network: 8,
};
const MONITOR: Record<string, number> = { 'not monitored': 0, monitored: 1, initializing: 2, waiting: 4 };
const MODE: Record<string, number> = { active: 0, passive: 1, manual: 2 };
const ONREBOOT: Record<string, number> = { start: 0, nostart: 1, laststate: 2 };
const PENDING: Record<string, number> = { restart: 2, stop: 3, unmonitor: 5, start: 6, monitor: 7 };

export interface Platform {
  name: string;
  release: string;
  version: string;
  machine: string;
  cpu: number;
  memoryKb: number;
  swapKb: number;
}

export function localPlatform(): Platform {
  return {
    name: os.type(), release: os.release(), version: os.version(), machine: os.machine(), cpu: os.availableParallelism(),
    memoryKb: Math.round(os.totalmem() / 1024), swapKb: 0,
  };
}

type Node = string;
const el = (name: string, value: string | number | null | undefined): Node =>
  value === null || value === undefined ? '' : `<${name}>${typeof value === 'number' ? String(value) : escapeXml(value)}</${name}>`;
const group = (name: string, ...children: Node[]): Node => `<${name}>${children.join('')}</${name}>`;
const fixed = (n: number | null, digits = 1): string | null => (n === null ? null : n.toFixed(digits));
const kb = (bytes: number | null): number | null => (bytes === null ? null : Math.round(bytes / 1024));

function processXml(p: ProcessStatus): Node {
  if (p.pid === null) return '';
  const percentTotal = p.memoryPercent !== null && p.memory && p.memoryTotal !== null ? (p.memoryPercent * p.memoryTotal) / p.memory : p.memoryPercent;
  return [
    el('pid', p.pid), el('ppid', p.ppid), el('uptime', p.uptime), el('threads', p.threads), el('children', p.children),
    group('memory', el('percent', fixed(p.memoryPercent)), el('percenttotal', fixed(percentTotal)), el('kilobyte', kb(p.memory)), el('kilobytetotal', kb(p.memoryTotal))),
    group('cpu', el('percent', fixed(p.cpu ?? -1)), el('percenttotal', fixed(p.cpuTotal ?? -1))),
  ].join('');
}

function portXml(p: PortStatus): Node {
  const time = p.ok === true && p.responseTimeMs !== null ? (p.responseTimeMs / 1000).toFixed(6) : '-1.000000';
  const protocol = p.protocol === 'default' ? 'DEFAULT' : p.protocol.toUpperCase();
  if (p.path !== undefined) return group('unix', el('path', p.path), el('protocol', protocol), el('responsetime', time));
  if (p.type === 'PING') return group('icmp', el('type', 'Ping'), el('responsetime', time));
  return group('port', el('hostname', p.host), el('portnumber', p.port), el('request', ''), el('protocol', protocol), el('type', p.type), el('responsetime', time));
}

function systemXml(s: SystemStatus): Node {
  const load = s.load ? group('load', el('avg01', s.load[0].toFixed(2)), el('avg05', s.load[1].toFixed(2)), el('avg15', s.load[2].toFixed(2))) : '';
  const cpu = s.cpu ? group('cpu', el('user', fixed(s.cpu.user)), el('system', fixed(s.cpu.system)), el('wait', fixed(s.cpu.wait))) : '';
  const mem = s.memory ? group('memory', el('percent', fixed(s.memory.percent)), el('kilobyte', kb(s.memory.bytes))) : '';
  const swap = s.swap ? group('swap', el('percent', fixed(s.swap.percent)), el('kilobyte', kb(s.swap.bytes))) : '';
  return el('uptime', s.uptime) + group('system', load, cpu, mem, swap);
}

const seconds = (iso: string | null): number | null => (iso === null ? null : Math.floor(Date.parse(iso) / 1000));
const octalDigits = (mode: string | null): string | null => (mode === null ? null : mode.replace(/^0(?=\d{3})/, ''));
const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

/** file, directory, fifo: mode, owner, timestamps; a file adds size and checksum. */
function fileXml(f: FileStatus): Node {
  const checksum = f.checksum === null ? '' : `<checksum type="${escapeXml(f.checksumType ?? 'MD5')}">${escapeXml(f.checksum)}</checksum>`;
  return [
    el('mode', octalDigits(f.mode)), el('uid', f.uid), el('gid', f.gid),
    group('timestamps', el('access', seconds(f.atime)), el('change', seconds(f.ctime)), el('modify', seconds(f.mtime))),
    el('size', f.size), checksum,
  ].join('');
}

function programXml(p: ProgramStatus): Node {
  if (p.started === null) return '';
  return group('program', el('started', seconds(p.started)), el('status', p.status ?? -1), el('output', p.output ?? ''));
}

/** monit writes block figures in megabytes. */
function filesystemXml(f: FilesystemStatus): Node {
  const block = f.space ? group('block', el('percent', f.space.percent.toFixed(1)), el('usage', mb(f.space.used)), el('total', mb(f.space.total))) : '';
  const inode = f.inodes ? group('inode', el('percent', f.inodes.percent.toFixed(1)), el('usage', f.inodes.used), el('total', f.inodes.total)) : '';
  return [el('fstype', f.type), el('fsflags', f.flags), el('mode', octalDigits(f.mode)), el('uid', f.uid), el('gid', f.gid), block, inode].join('');
}

function networkXml(n: NetworkStatus): Node {
  const direction = (name: string, d: NetworkStatus['download']) => group(
    name,
    group('packets', el('now', d.packetsPerSecond === null ? null : Math.round(d.packetsPerSecond)), el('total', null)),
    group('bytes', el('now', d.bytesPerSecond === null ? null : Math.round(d.bytesPerSecond)), el('total', d.bytesTotal)),
    group('errors', el('total', d.errors)),
  );
  const state = n.link === null ? -1 : n.link === 'up' ? 1 : 0;
  const duplex = n.duplex === null ? -1 : n.duplex === 'full' ? 1 : 0;
  return group('link', el('state', state), el('speed', n.speed ?? -1), el('duplex', duplex), direction('download', n.download), direction('upload', n.upload));
}

// A service's status object is shared and frozen until the service changes (daemon/status.ts), so its XML
// is written once per change, not once per request (the benchmark's profile of /_status?format=xml).
const written = new WeakMap<ServiceStatus, string>();

function serviceXml(s: ServiceStatus): Node {
  let xml = written.get(s);
  if (xml === undefined) {
    xml = buildServiceXml(s);
    if (Object.isFrozen(s)) written.set(s, xml);
  }
  return xml;
}

function buildServiceXml(s: ServiceStatus): Node {
  const collected = s.lastCheck === null ? null : Date.parse(s.lastCheck);
  const failed = s.failures.reduce((bits, kind) => bits | (EVENT_BITS[kind] ?? 0), 0);
  const body = [
    el('name', s.name),
    el('collected_sec', collected === null ? null : Math.floor(collected / 1000)),
    el('collected_usec', collected === null ? null : (collected % 1000) * 1000),
    el('status', failed), el('status_hint', 0),
    el('monitor', MONITOR[s.monitoring] ?? 0), el('monitormode', MODE[s.mode] ?? 0),
    el('onreboot', ONREBOOT[s.onreboot] ?? 0), el('pendingaction', s.pendingAction ? PENDING[s.pendingAction] ?? 0 : 0),
    s.process ? processXml(s.process) : '',
    s.system ? systemXml(s.system) : '',
    s.file ? fileXml(s.file) : '',
    s.filesystem ? filesystemXml(s.filesystem) : '',
    s.program ? programXml(s.program) : '',
    s.network ? networkXml(s.network) : '',
    ...(s.ports ?? []).map(portXml),
  ];
  return `<service type="${SERVICE_TYPES[s.type] ?? 3}">${body.join('')}</service>`;
}

function httpdXml(httpd: HttpdConfig | undefined): Node {
  if (!httpd) return '';
  return group('httpd', el('address', httpd.address), el('port', httpd.port), el('ssl', httpd.ssl ? 1 : 0));
}

export function statusXml(snapshot: StatusSnapshot, platform: Platform, httpd: HttpdConfig | undefined): string {
  const { server } = snapshot;
  const id = createHash('md5').update(`${server.hostname}\0${server.controlFile}`).digest('hex');
  const serverXml = group(
    'server',
    el('id', id), el('incarnation', Math.floor(Date.parse(server.startedAt) / 1000)), el('version', server.version),
    el('uptime', server.uptime), el('poll', server.cycleSeconds === null ? 0 : Math.max(1, Math.round(server.cycleSeconds))),
    el('startdelay', 0), el('localhostname', server.hostname), el('controlfile', server.controlFile), httpdXml(httpd),
  );
  const platformXml = group(
    'platform',
    el('name', platform.name), el('release', platform.release), el('version', platform.version), el('machine', platform.machine),
    el('cpu', platform.cpu), el('memory', platform.memoryKb), el('swap', platform.swapKb),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<monit>${serverXml}${platformXml}${snapshot.services.map(serviceXml).join('')}</monit>\n`;
}
