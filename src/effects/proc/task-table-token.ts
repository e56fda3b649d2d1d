// A cheap sign that no task came or went: /proc/loadavg ends with the number of tasks (threads) that exist and the
// last PID handed out, e.g. "0.00 0.01 0.05 1/123 4567". Between two equal reads no task was created (the last
// PID would have moved) and none was reaped (the count would have dropped without a new PID). The liveness watch
// then skips its kill(pid, 0) calls: at N=50, 1,000 a second, about a sixth of an idle tsmonit's own CPU.
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { readFdSync } from './read-proc.ts';

/** Returns a reader of the token ("123 4567"), null when /proc/loadavg cannot be read or parsed. */
export function createTaskTableToken(procRoot: string): () => string | null {
  const path = join(procRoot, 'loadavg');
  let fd: number | null = null;
  return () => {
    try {
      fd ??= openSync(path, 'r');
    } catch {
      return null;
    }
    const text = readFdSync(fd);
    if (text === null) {
      closeSync(fd);
      fd = null;
      return null;
    }
    return taskTableToken(text);
  };
}

/** "tasks lastPid" from a /proc/loadavg line (the running count before the slash changes all the time). */
export function taskTableToken(loadavg: string): string | null {
  const match = /\d+\/(\d+) (\d+)\s*$/.exec(loadavg);
  return match ? `${match[1]} ${match[2]}` : null;
}
