// The JSON figures of file, program, filesystem and network services (interfaces.md "A Service in JSON").
import { abnormalEnd, octal } from '../engine/index.ts';
import type { Observation } from '../model/observation.ts';
import type { FileStatus, FilesystemStatus, NetworkStatus, ProgramStatus } from './facade.ts';

const iso = (ms: number | null | undefined): string | null => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

export function fileStatus(obs: Observation | null, regular: boolean): FileStatus {
  const path = obs?.path;
  const s = path?.stat ?? null;
  const [checksumType, checksum] = Object.entries(path?.checksums ?? {})[0] ?? [null, null];
  return {
    size: regular ? (s?.size ?? null) : null,
    mtime: iso(s?.mtimeMs),
    ctime: iso(s?.ctimeMs),
    atime: iso(s?.atimeMs),
    checksum: checksum ?? null,
    checksumType: checksumType === null ? null : checksumType.toUpperCase(),
    mode: s ? octal(s.mode) : null,
    uid: s?.uid ?? null,
    gid: s?.gid ?? null,
  };
}

export function programStatus(obs: Observation | null): ProgramStatus {
  const p = obs?.program;
  if (!p) return { status: null, output: null, started: null, durationMs: null, error: null };
  return {
    status: p.exitCode,
    output: p.output,
    started: iso(p.startedAt),
    durationMs: Math.round(p.durationMs),
    error: abnormalEnd(p),
  };
}

function share(total: number, used: number, free: number): { total: number; used: number; free: number; percent: number } {
  return { total, used, free, percent: total > 0 ? Math.round((used / total) * 1000) / 10 : 0 };
}

export function filesystemStatus(obs: Observation | null): FilesystemStatus {
  const f = obs?.filesystem?.found ?? null;
  const s = obs?.path?.stat ?? null;
  return {
    type: f?.fsType ?? null,
    flags: f?.flags ?? null,
    mountPoint: f?.mountPoint ?? null,
    space: f ? share(f.blocks * f.blockSize, (f.blocks - f.blocksFree) * f.blockSize, f.blocksAvailable * f.blockSize) : null,
    inodes: f && f.inodes > 0 ? share(f.inodes, f.inodes - f.inodesFree, f.inodesFree) : null,
    mode: s ? octal(s.mode) : null,
    uid: s?.uid ?? null,
    gid: s?.gid ?? null,
  };
}

export function networkStatus(obs: Observation | null): NetworkStatus {
  const n = obs?.network;
  const c = n?.counters ?? null;
  const r = n?.rates ?? null;
  return {
    interface: n?.interface ?? null,
    link: n?.link ? (n.link.up ? 'up' : 'down') : null,
    speed: n?.link?.speedMbps ? n.link.speedMbps * 1_000_000 : null,
    duplex: n?.link?.duplex ?? null,
    download: { bytesPerSecond: r?.rxBytes ?? null, packetsPerSecond: r?.rxPackets ?? null, bytesTotal: c?.rxBytes ?? null, errors: c?.rxErrors ?? null },
    upload: { bytesPerSecond: r?.txBytes ?? null, packetsPerSecond: r?.txPackets ?? null, bytesTotal: c?.txBytes ?? null, errors: c?.txErrors ?? null },
  };
}
