// What a scenario is given and what it gives back: rows of figures for tsmonit and monit, with the goal.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { Summary } from './stats.ts';
import type { Tool, Tools } from './supervisors.ts';

export interface Row {
  scenario: string;
  metric: string;
  unit: string;
  tsmonit: Summary | null;
  monit: Summary | null;
  /** The goal in words, e.g. "median <= 0.25x monit". */
  goal?: string;
  /** Whether the goal is met; null when it cannot be told (monit missing). */
  met?: boolean | null;
  note?: string;
}

export interface Context {
  quick: boolean;
  tools: Tools;
  /** The tools to run, in order: tsmonit, and monit when installed. */
  sides: Tool[];
  log(line: string): void;
  tempDir(tag: string): string;
}

export interface Scenario {
  name: string;
  title: string;
  run(ctx: Context): Promise<Row[]>;
}

export function makeTempDir(tag: string): string {
  return mkdtempSync(join(os.tmpdir(), `tsmonit-bench-${tag}-`));
}
