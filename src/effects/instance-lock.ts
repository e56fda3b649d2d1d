// Single-instance guard: is the pid in our pidfile a live tsmonit? Never signals anything.
import { readFile, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { parsePid } from './proc/pidfile.ts';

/** The pid a pidfile names, or null when it is missing, empty or not a number. */
export async function readPidfileOwner(path: string): Promise<number | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  const pid = parsePid(text);
  return typeof pid === 'number' ? pid : null;
}

/**
 * True when pid runs tsmonit under node: argv[0] is node (or a process titled tsmonit) and the
 * command line names tsmonit or our entry point. A reused pid running anything else is false.
 */
export async function isTsmonitProcess(pid: number, procRoot = '/proc'): Promise<boolean> {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  const raw = await readFile(join(procRoot, String(pid), 'cmdline'), 'utf8').catch(() => '');
  const argv = raw.split('\0').filter((arg) => arg.length > 0);
  const program = basename(argv[0] ?? '');
  if (program === 'tsmonit') return true; // process.title = 'tsmonit'
  if (!/^node(js)?(\d+)?$/.test(program)) return false;
  return argv.slice(1).some((arg) => /tsmonit/.test(arg) || /(^|\/)src\/main\.ts$/.test(arg));
}

export async function writePidfile(path: string, pid: number): Promise<void> {
  await writeFileAtomic(path, `${pid}\n`, 0o644);
}

/** Removes the pidfile only while it still names pid (another instance may have taken over). */
export async function removePidfile(path: string, pid: number): Promise<boolean> {
  if ((await readPidfileOwner(path)) !== pid) return false;
  try {
    await unlink(path);
    return true;
  } catch {
    return false;
  }
}
