// V8's heap spaces of a node process seen from outside, through node's diagnostic report: the process is
// started with reportFlags(dir) (a signal watcher, nothing loaded into JavaScript), and heapSpaces() asks
// it for a report with SIGUSR2 and reads the sizes. Writing the report allocates, so ask after measuring.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from './wait.ts';

const FILE = 'heap-report.json';

export interface HeapSpacesMb {
  /** The young generation: V8's committed size of new space (both semi-spaces). */
  newSpace: number;
  oldSpace: number;
  codeSpace: number;
  /** All spaces together, committed. */
  total: number;
}

interface Report {
  javascriptHeap?: { totalMemory?: number; heapSpaces?: Record<string, { memorySize?: number }> };
}

/** Node flags that make the process write a report into dir on SIGUSR2. */
export function reportFlags(dir: string): string[] {
  return ['--report-on-signal', '--report-signal=SIGUSR2', `--report-directory=${dir}`, `--report-filename=${FILE}`];
}

/** Asks the process started with reportFlags(dir) for a report; null when none came within timeoutMs. */
export async function heapSpaces(pid: number, dir: string, timeoutMs = 10000): Promise<HeapSpacesMb | null> {
  const file = join(dir, FILE);
  rmSync(file, { force: true });
  try {
    process.kill(pid, 'SIGUSR2');
    // The report is written in one go but not atomically: wait until it parses.
    const report = await waitUntil('a diagnostic report', () => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Report) : null), timeoutMs, 50);
    const heap = report.javascriptHeap;
    const mb = (space: string): number => (heap?.heapSpaces?.[space]?.memorySize ?? Number.NaN) / 2 ** 20;
    return { newSpace: mb('new_space'), oldSpace: mb('old_space'), codeSpace: mb('code_space'), total: (heap?.totalMemory ?? Number.NaN) / 2 ** 20 };
  } catch {
    return null;
  }
}
