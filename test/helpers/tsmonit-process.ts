// A real tsmonit daemon process, for what only a process can show: signals, SIGKILL, a second instance.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ROOT } from './processes.ts';
import { waitFor } from './wait.ts';

export interface TsmonitProcess {
  child: ChildProcess;
  pid: number;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

export function spawnTsmonit(args: string[]): TsmonitProcess {
  const child = spawn(process.execPath, [`${ROOT}bin/tsmonit.js`, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout!.resume();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, pid: child.pid!, stderr: () => err, exited };
}

/** The messages of a JSON-lines log file. */
export function logMessages(file: string): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      try {
        return String((JSON.parse(line) as { msg?: unknown }).msg ?? '');
      } catch {
        return line;
      }
    });
}

export async function waitForLog(file: string, pattern: RegExp, timeoutMs = 20000): Promise<string> {
  return waitFor(`log line ${pattern}`, () => logMessages(file).find((m) => pattern.test(m)), { timeoutMs });
}
