// A process's children from /proc/PID/task/TID/children (Linux 3.5+, CONFIG_PROC_CHILDREN): the descendants
// of the monitored processes without reading every process on the host. Each thread lists the children it
// forked, so a multi-threaded parent needs all its threads' files.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ProcReader } from './proc-reader.ts';
import { readProcFileSync } from './read-proc.ts';

/** Whether this kernel has the children files (asked of our own process once). */
export function childrenFilesSupported(procRoot: string, selfPid: number): boolean {
  return readProcFileSync(join(procRoot, String(selfPid), 'task', String(selfPid), 'children')) !== null;
}

/** Child PIDs of pid (threads: its thread count, 1 spares the task directory read); [] when it is gone. */
export function childPidsSync(reader: ProcReader, pid: number, threads: number): number[] {
  if (threads <= 1) return parsePids(reader.mainThreadChildren(pid));
  const taskDir = join(reader.kernel.procRoot, String(pid), 'task');
  let tids: string[];
  try {
    tids = readdirSync(taskDir);
  } catch {
    return [];
  }
  return tids.flatMap((tid) => parsePids(readProcFileSync(join(taskDir, tid, 'children'))));
}

function parsePids(text: string | null): number[] {
  const pids: number[] = [];
  for (const word of (text ?? '').split(' ')) {
    const child = Number(word);
    if (word.trim() !== '' && Number.isSafeInteger(child) && child > 0) pids.push(child);
  }
  return pids;
}
