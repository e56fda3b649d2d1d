// A memcached on a private port, as the services under test, and a probe that asks it for its version.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { BenchService } from './control-files.ts';

export const MEMCACHED = '/usr/bin/memcached';

export function memcachedService(dir: string, port: number, rules: string[], stop?: string, startTimeoutS = 30): BenchService {
  const pidfile = join(dir, 'memcached.pid');
  const user = process.getuid?.() === 0 ? ' -u root' : '';
  return {
    name: 'memcached',
    pidfile,
    start: { program: `${MEMCACHED} -d -P ${pidfile} -p ${port} -l 127.0.0.1 -U 0 -m 16${user}`, timeoutS: startTimeoutS },
    ...(stop ? { stop: { program: stop, timeoutS: 30 } } : {}),
    rules,
  };
}

export function pidOf(pidfile: string): number | null {
  try {
    const n = Number.parseInt(readFileSync(pidfile, 'utf8'), 10);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** True when a new connection gets an answer to `version` within timeoutMs. */
export function answersVersion(port: number, timeoutMs = 250): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let got = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('connect', () => socket.write('version\r\n'));
    socket.on('data', (d: Buffer) => {
      got += d.toString();
      if (got.includes('\r\n')) done(got.startsWith('VERSION '));
    });
    socket.on('error', () => done(false));
    socket.on('close', () => done(false));
  });
}
