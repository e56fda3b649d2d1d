// monit reads the first integer of a pidfile every cycle; a non-regular file does not count.
import { readFile, stat } from 'node:fs/promises';
import type { PidfileRead } from '../../model/observation.ts';
import { errnoCode, errnoText } from '../errno-text.ts';

export async function readPidfile(path: string): Promise<PidfileRead> {
  let mtimeMs: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { path, pid: null, mtimeMs: null, error: 'not a regular file' };
    mtimeMs = info.mtimeMs;
  } catch (error) {
    return { path, pid: null, mtimeMs: null, error: readError(error) };
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
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
