// Syslog through logger(1) (Debian bsdutils): one long-lived child, lines on its stdin,
// each with a <PRI> prefix so the level survives (facility user).
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { formatLine, type LogRecord } from './line-format.ts';

const LOGGER_PATHS = ['/usr/bin/logger', '/bin/logger'];
const FACILITY_USER = 1;
const SEVERITY: Record<string, number> = { error: 3, warn: 4, info: 6, debug: 7 };

export interface LineStream {
  write(line: string): void;
  flush(): Promise<void>;
  close(): Promise<void>;
}

export function findSyslogCommand(candidates = LOGGER_PATHS): string | null {
  for (const path of candidates) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // try the next one
    }
  }
  return null;
}

export function createSyslogStream(command: string, tag = 'tsmonit'): LineStream {
  const child: ChildProcess = spawn(command, ['-t', tag, '--prio-prefix'], { stdio: ['pipe', 'ignore', 'ignore'] });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const stdin = child.stdin;
  stdin?.on('error', () => undefined); // logger gone: lines are lost, the daemon goes on
  return {
    write(json: string): void {
      const record = JSON.parse(json) as LogRecord;
      const priority = FACILITY_USER * 8 + (SEVERITY[String(record.level)] ?? 6);
      stdin?.write(`<${priority}>${formatLine(record, { withTime: false })}\n`);
    },
    flush: () => new Promise<void>((resolve) => {
      if (!stdin || !stdin.writableNeedDrain) return resolve();
      stdin.once('drain', () => resolve());
      stdin.once('close', () => resolve());
    }),
    /** Ends logger(1)'s input and waits for it to exit (its pipe keeps our event loop alive until then). */
    async close(): Promise<void> {
      stdin?.end();
      const stuck = setTimeout(() => child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(stuck);
    },
  };
}
