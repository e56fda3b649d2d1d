// Shared pieces of the reliability suite: cheap daemons that count their starts, process-table scans.
import { readdirSync, readFileSync } from 'node:fs';
import { alive } from '../helpers/processes.ts';

/**
 * A start program that daemonizes a `sleep` (fork and exit), writes its pidfile and appends the PID to
 * DIR/NAME.starts: a start that ran twice shows there, and two live PIDs from it are two instances.
 */
export function sleepDaemonStart(name: string): string {
  return `/bin/sh -c 'sleep 100000 >/dev/null 2>&1 & echo $! > \${DIR}/${name}.pid; echo $! >> \${DIR}/${name}.starts'`;
}

/** PIDs a service's start program has recorded, oldest first. */
export function startedPids(dir: string, name: string): number[] {
  try {
    return readFileSync(`${dir}/${name}.starts`, 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function liveInstances(dir: string, name: string): number[] {
  return startedPids(dir, name).filter((pid) => alive(pid));
}

/** Children of pid that are zombies: what a parent that reaps its children never leaves behind. */
export function zombieChildren(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z' && Number(fields[1]) === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  }
}

/** Deterministic randomness for a test, so a failure can be replayed (seed printed in messages). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** How long ago the process started, in ms (from /proc: start time in clock ticks since boot), or null. */
export function ageMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const startTicks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const uptimeS = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    return uptimeS * 1000 - (startTicks * 1000) / 100;
  } catch {
    return null;
  }
}

/** An HTTP request over tsmonit's control socket (no auth there: the socket's mode is the access control). */
export async function overSocket(socketPath: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request({ socketPath, method, path, headers: payload ? { 'content-type': 'application/json' } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = text;
        }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.setTimeout(10000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(payload);
  });
}

/** How many times a pattern occurs among the messages of a JSON-lines log. */
export function countLog(messages: readonly string[], pattern: RegExp): number {
  return messages.filter((m) => pattern.test(m)).length;
}
