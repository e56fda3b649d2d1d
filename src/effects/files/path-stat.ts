// stat(2) of a path as the model sees it (following symlinks, as monit does).
import { stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import type { PathStat } from '../../model/observation.ts';
import { errnoCode, errnoText } from '../errno-text.ts';

function kindOf(s: Stats): PathStat['kind'] {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  if (s.isFIFO()) return 'fifo';
  if (s.isSocket()) return 'socket';
  if (s.isBlockDevice() || s.isCharacterDevice()) return 'device';
  return 'other';
}

export function toPathStat(s: Stats): PathStat {
  return {
    kind: kindOf(s),
    size: s.size,
    mode: s.mode & 0o7777,
    uid: s.uid,
    gid: s.gid,
    inode: s.ino,
    atimeMs: s.atimeMs,
    mtimeMs: s.mtimeMs,
    ctimeMs: s.ctimeMs,
  };
}

/** The stat, or why there is none: "no such file or directory", "EACCES: permission denied". */
export async function statPath(path: string): Promise<{ stat: PathStat } | { detail: string }> {
  try {
    return { stat: toPathStat(await stat(path)) };
  } catch (error) {
    return { detail: errnoCode(error) === 'ENOENT' ? 'no such file or directory' : errnoText(error) };
  }
}
