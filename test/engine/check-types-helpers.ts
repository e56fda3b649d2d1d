// Builders for the engine tests of file, directory, fifo, filesystem, program and network checks (plain data).
import type {
  ContentRead, FilesystemFigures, NetworkObservation, Observation, PathObservation, PathStat, ProgramObservation,
} from '../../src/model/observation.ts';
import type { ContentIgnore } from '../../src/model/rule.ts';
import type { NetworkSpec, PathSpec, ProgramSpec } from '../../src/model/service.ts';
import { T0, cmd } from './helpers.ts';

const POS = { file: 'test.yml', line: 1, col: 1 };
const COMMON = { pos: POS, groups: [], depends: [], mode: 'active' as const, alerts: [], noalert: [], rules: [], restartLimits: [], ignoreContent: [] as ContentIgnore[] };

export function pathSpec(type: PathSpec['type'] = 'file', over: Partial<PathSpec> = {}): PathSpec {
  return { ...COMMON, type, name: 'log', path: '/var/log/app.log', ...over };
}

export function programSpec(over: Partial<ProgramSpec> = {}): ProgramSpec {
  return { ...COMMON, type: 'program', name: 'script', program: cmd('/usr/local/bin/check.sh'), ...over };
}

export function networkSpec(over: Partial<NetworkSpec> = {}): NetworkSpec {
  return { ...COMMON, type: 'network', name: 'uplink', interface: 'eth0', ...over };
}

export function stat(over: Partial<PathStat> = {}): PathStat {
  return {
    kind: 'file', size: 2048, mode: 0o644, uid: 0, gid: 0, inode: 77,
    atimeMs: T0 - 10_000, mtimeMs: T0 - 120_000, ctimeMs: T0 - 60_000, ...over,
  };
}

export function pathObs(s: PathStat | null, over: Partial<PathObservation> = {}): Observation {
  const path: PathObservation = { path: '/var/log/app.log', stat: s, detail: s ? '' : 'no such file or directory', checksums: {}, ...over };
  return { at: T0, probes: {}, path };
}

export function contentObs(lines: string[], over: Partial<ContentRead> = {}): Observation {
  return pathObs(stat(), { content: { lines, cursor: { path: '/var/log/app.log', inode: 77, offset: 100 }, ...over } });
}

export function fsFigures(over: Partial<FilesystemFigures> = {}): FilesystemFigures {
  return {
    mountPoint: '/data', source: '/dev/sdb1', fsType: 'ext4', flags: 'rw,relatime', blockSize: 4096,
    blocks: 1000, blocksFree: 300, blocksAvailable: 250, inodes: 100, inodesFree: 40, ...over,
  };
}

export function fsObs(found: FilesystemFigures | null, s: PathStat | null = stat({ kind: 'directory', mode: 0o755 })): Observation {
  return {
    at: T0,
    probes: {},
    filesystem: { path: '/data', found, detail: found ? '' : 'not mounted' },
    path: { path: '/data', stat: s, detail: '', checksums: {} },
  };
}

export function program(over: Partial<ProgramObservation> = {}): ProgramObservation {
  return { startedAt: T0, durationMs: 20, exitCode: 0, signal: null, timedOut: false, output: 'all good\n', ...over };
}

export function programObs(over: Partial<ProgramObservation> = {}): Observation {
  return { at: T0, probes: {}, program: program(over) };
}

export function network(over: Partial<NetworkObservation> = {}): NetworkObservation {
  return {
    interface: 'eth0', detail: '',
    link: { up: true, operstate: 'up', speedMbps: 1000, duplex: 'full' },
    counters: { at: T0, rxBytes: 1e9, txBytes: 2e9, rxPackets: 1e6, txPackets: 2e6, rxErrors: 0, txErrors: 0 },
    rates: { rxBytes: 1_000_000, txBytes: 25_000_000, rxPackets: 1000, txPackets: 20_000 },
    ...over,
  };
}

export function netObs(over: Partial<NetworkObservation> = {}): Observation {
  return { at: T0, probes: {}, network: network(over) };
}
