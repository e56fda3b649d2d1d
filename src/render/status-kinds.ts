// The `status` text lines of file, directory, fifo, filesystem, program and network services (monit.md 5.3).
import type { ServiceStatus } from '../daemon/facade.ts';
import { sizeText } from './size-text.ts';

type Line = (key: string, value: string | number | null) => string;

const share = (part: number, total: number): string => (total > 0 ? `${((100 * part) / total).toFixed(1)}%` : '-');

function fileLines(s: ServiceStatus, line: Line): string[] {
  const f = s.file;
  if (!f) return [];
  const out = [line('permission', f.mode), line('uid', f.uid), line('gid', f.gid)];
  if (s.type === 'file') out.push(line('size', f.size === null ? null : sizeText(f.size)));
  out.push(line('access timestamp', f.atime), line('change timestamp', f.ctime), line('modify timestamp', f.mtime));
  if (f.checksum !== null) out.push(line('checksum', `${f.checksum} (${f.checksumType ?? 'MD5'})`));
  return out;
}

function filesystemLines(s: ServiceStatus, line: Line): string[] {
  const f = s.filesystem;
  if (!f) return [];
  const out = [line('filesystem type', f.type), line('filesystem flags', f.flags), line('permission', f.mode), line('uid', f.uid), line('gid', f.gid)];
  if (f.space) {
    out.push(line('space total', sizeText(f.space.total)), line('space free for non superuser', `${sizeText(f.space.free)} [${share(f.space.free, f.space.total)}]`));
  }
  if (f.inodes) out.push(line('inodes total', f.inodes.total), line('inodes free', `${f.inodes.free} [${share(f.inodes.free, f.inodes.total)}]`));
  return out;
}

function programLines(s: ServiceStatus, line: Line): string[] {
  const p = s.program;
  if (!p) return [];
  const output = p.output === null ? null : p.output.trim().split('\n').join(' / ');
  return [line('last exit value', p.status ?? p.error), line('last output', output), line('last started', p.started)];
}

function networkLines(s: ServiceStatus, line: Line): string[] {
  const n = s.network;
  if (!n) return [];
  const speed = n.speed === null ? '' : `, ${n.speed / 1_000_000} Mb/s`;
  const duplex = n.duplex === null ? '' : `, ${n.duplex} duplex`;
  const link = n.link === null ? null : `${n.link.toUpperCase()}${speed}${duplex}`;
  const rate = (d: NetworkStatus['download']) => d.bytesPerSecond === null ? '-' : `${sizeText(Math.round(d.bytesPerSecond))}/s`;
  const total = (d: NetworkStatus['download']) => (d.bytesTotal === null ? '' : ` (${sizeText(d.bytesTotal)} total)`);
  return [
    line('link', link),
    line('download bytes', `${rate(n.download)}${total(n.download)}`),
    line('download errors', n.download.errors),
    line('upload bytes', `${rate(n.upload)}${total(n.upload)}`),
    line('upload errors', n.upload.errors),
  ];
}

type NetworkStatus = NonNullable<ServiceStatus['network']>;

export function kindLines(s: ServiceStatus, line: Line): string[] {
  return [...fileLines(s, line), ...filesystemLines(s, line), ...programLines(s, line), ...networkLines(s, line)];
}
