// Real processes for tests: pidfile reading, liveness, cleanup of everything a test started.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = `${ROOT}test/fixtures`;

export function pidFrom(pidfile: string): number | null {
  try {
    const n = Number.parseInt(readFileSync(pidfile, 'utf8').trim(), 10);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

export function alive(pid: number | null): boolean {
  if (pid === null) return false;
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie answers kill(pid, 0) but is dead.
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

export function kill(pid: number | null, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (pid === null) return;
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** Kills the processes named by these pidfiles (test cleanup). */
export function killPidfiles(...pidfiles: string[]): void {
  for (const f of pidfiles) kill(pidFrom(f));
}

export function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
  });
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** An unrelated long-running process (not ours to supervise); logs the signals it catches. */
export function spawnUnrelated(signalLog: string): { pid: number; stop(): void } {
  const child = spawn(process.execPath, [`${FIXTURES}/sleep-forever.js`, '--signal-log', signalLog], {
    stdio: 'ignore',
    detached: true,
  });
  child.unref();
  return { pid: child.pid!, stop: () => kill(child.pid ?? null) };
}
