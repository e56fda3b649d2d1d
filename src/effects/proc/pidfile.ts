// monit reads the first integer of a pidfile every cycle; a non-regular file does not count.
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PidfileRead } from '../../model/observation.ts';
import { errnoCode, errnoText } from '../errno-text.ts';
import { LocalFileSystems } from './local-file-systems.ts';

/**
 * A pidfile that has not changed since the last look (same inode, size, change and modification times) is not
 * read again: a cycle looks at every pidfile, and reading one costs four trips through the thread pool where a
 * stat costs one (the overhead benchmark). Timestamps are as coarse as the kernel's tick, so a file written
 * less than a second before it was read could change again unseen at the same times: that one is read again
 * next time (git's "racily clean" index entries). On a local file system the stat and the read are synchronous
 * (local-file-systems.ts says which those are).
 */
export function createPidfileReader(options: { stableAfterMs?: number; locality?: LocalFileSystems } = {}):
  (path: string) => Promise<PidfileRead> {
  const stableAfterMs = options.stableAfterMs ?? 1000;
  const locality = options.locality ?? new LocalFileSystems();
  const known = new Map<string, { seen: Stats; read: PidfileRead }>();
  return async (path) => {
    const now = Date.now();
    const local = locality.isLocal(dirname(path), now);
    let info: Stats;
    try {
      info = local ? statSync(path) : await stat(path);
    } catch (error) {
      known.delete(path);
      return { path, pid: null, mtimeMs: null, error: readError(error) };
    }
    const cached = known.get(path);
    if (cached && sameFile(cached.seen, info)) return cached.read;
    const read = await readPidfileAfterStat(path, info, local);
    if (now - Math.max(info.mtimeMs, info.ctimeMs) > stableAfterMs) known.set(path, { seen: info, read });
    else known.delete(path);
    return read;
  };
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}

export async function readPidfile(path: string): Promise<PidfileRead> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    return { path, pid: null, mtimeMs: null, error: readError(error) };
  }
  return readPidfileAfterStat(path, info);
}

async function readPidfileAfterStat(path: string, info: Stats, local = false): Promise<PidfileRead> {
  if (!info.isFile()) return { path, pid: null, mtimeMs: null, error: 'not a regular file' };
  const mtimeMs = info.mtimeMs;
  let text: string;
  try {
    text = local ? readFileSync(path, 'utf8') : await readFile(path, 'utf8');
  } catch (error) {
    return { path, pid: null, mtimeMs, error: readError(error) };
  }
  const pid = parsePid(text);
  if (typeof pid === 'string') return { path, pid: null, mtimeMs, error: pid };
  return { path, pid, mtimeMs };
}

/** The first integer (after optional blanks), or why there is none. */
export function parsePid(text: string): number | 'empty' | 'not a number' {
  if (text.trim() === '') return 'empty';
  const match = /^\s*(\d{1,10})(?!\d)/.exec(text);
  const pid = Number(match?.[1]);
  return match && pid > 0 && pid <= 0x7fffffff ? pid : 'not a number';
}

function readError(error: unknown): string {
  return errnoCode(error) === 'ENOENT' ? 'missing' : errnoText(error);
}
