// The FilesystemStat port: statfs(2) of the filesystem a path names (mount point, directory, device or source).
import { readFile, realpath, stat, statfs } from 'node:fs/promises';
import type { FilesystemObservation } from '../../model/observation.ts';
import type { FilesystemStat } from '../../model/ports.ts';
import { errnoCode, errnoText } from '../errno-text.ts';
import { mountHolding, mountOfSource, parseMountinfo, type MountEntry } from './mountinfo.ts';

export interface FilesystemStatOptions {
  /** Tests point this at a fixture. */
  mountinfoPath?: string;
}

/** major:minor of a device number, as mountinfo writes it. */
function majorMinor(rdev: number): string {
  return `${Math.floor(rdev / 256) & 0xfff}:${(rdev & 0xff) | ((Math.floor(rdev / 4096) & 0xfff00))}`;
}

async function findMount(entries: MountEntry[], path: string): Promise<MountEntry | string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    // Not a local path: an nfs or sshfs source ("server:/export") may still be mounted.
    const bySource = mountOfSource(entries, path);
    if (bySource) return bySource;
    return errnoCode(error) === 'ENOENT' ? 'no such file or directory' : errnoText(error);
  }
  const s = await stat(real);
  if (s.isBlockDevice()) {
    return mountOfSource(entries, real, majorMinor(s.rdev)) ?? mountOfSource(entries, path) ?? `device ${real} is not mounted`;
  }
  return mountHolding(entries, real) ?? `no mount holds ${real}`;
}

export function createFilesystemStat(options: FilesystemStatOptions = {}): FilesystemStat {
  const mountinfo = options.mountinfoPath ?? '/proc/self/mountinfo';
  return {
    async stat(path: string): Promise<FilesystemObservation> {
      try {
        const entries = parseMountinfo(await readFile(mountinfo, 'utf8'));
        const mount = await findMount(entries, path);
        if (typeof mount === 'string') return { path, found: null, detail: mount };
        const fs = await statfs(mount.mountPoint);
        return {
          path,
          detail: '',
          found: {
            mountPoint: mount.mountPoint,
            source: mount.source,
            fsType: mount.fsType,
            flags: mount.options,
            blockSize: fs.bsize,
            blocks: fs.blocks,
            blocksFree: fs.bfree,
            blocksAvailable: fs.bavail,
            inodes: fs.files,
            inodesFree: fs.ffree,
          },
        };
      } catch (error) {
        return { path, found: null, detail: errnoText(error) };
      }
    },
  };
}
