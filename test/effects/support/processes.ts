// Test helpers: real fixture processes, polling with deadlines, and "gone" as the kernel sees it.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
}

export const NODE = process.execPath;

/** Polls until check returns a value other than undefined/false, or throws after the deadline. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string, timeoutMs = 5000, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export interface Started {
  child: ChildProcess;
  pid: number;
  /** Resolves with the first capture group of the first stdout line matching re. */
  line(re: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

export function startFixture(name: string, args: string[] = [], options: { detached?: boolean } = {}): Started {
  const child = spawn(NODE, [fixture(name), ...args], { stdio: ['ignore', 'pipe', 'inherit'], detached: options.detached });
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  return {
    child,
    pid: child.pid,
    line: (re, timeoutMs = 5000) => waitFor(() => re.exec(out)?.[1] ?? undefined, `${re} from ${name}`, timeoutMs),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/** The /proc state letter, or null when there is no such process. */
export function procState(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return null;
  }
}

/** Gone, or a zombie nobody will reap (pid 1 here does not reap orphans). */
export function isGone(pid: number): boolean {
  const state = procState(pid);
  return state === null || state === 'Z';
}

/** Kills a pid we started elsewhere (a daemonized or orphaned fixture), ignoring ESRCH. */
export function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
