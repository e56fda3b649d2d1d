// Running a service's start/stop/restart/exec program with its timeout, environment and recorded pid.
import type { Command } from '../model/rule.ts';
import type { RunResult } from '../model/ports.ts';
import type { DaemonDeps } from './deps.ts';
import { programEnvironment, type ProgramContext } from './program-env.ts';

export interface ProgramOutcome {
  ok: boolean;
  /** Monit-like words: "exit status 1", "timed out after 30 s", "spawn ENOENT". */
  message: string;
  output: string;
  durationMs: number;
  result: RunResult;
}

export async function runProgram(
  deps: DaemonDeps,
  command: Command,
  timeoutMs: number,
  outputLimitBytes: number,
  context: ProgramContext,
  onSpawn?: (pid: number) => void,
  signal?: AbortSignal,
): Promise<ProgramOutcome> {
  const request = {
    command,
    timeoutMs,
    env: programEnvironment(context),
    outputLimitBytes,
    ...(onSpawn ? { onSpawn } : {}),
    ...(signal ? { signal } : {}),
  };
  const result = await deps.runner.run(request);
  const output = result.output.trim();
  const base = { output, durationMs: result.durationMs, result };
  if (result.error !== undefined) return { ok: false, message: result.error, ...base };
  if (result.timedOut) return { ok: false, message: `timed out after ${Math.round(timeoutMs / 1000)} s`, ...base };
  if (result.exitCode !== 0) {
    const why = result.signal ? `killed by ${result.signal}` : `exit status ${result.exitCode}`;
    return { ok: false, message: why, ...base };
  }
  return { ok: true, message: 'exit status 0', ...base };
}

/** The first lines of program output, for an event. */
export function firstLines(output: string, lines = 5): string {
  return output.split('\n').slice(0, lines).join('\n');
}
