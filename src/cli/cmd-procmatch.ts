// `procmatch REGEX`: the processes a `matching` check sees, the one it picks marked `*` (monit.md 5.3).
// The regex is compiled as the daemon compiles `matching` (engine/process-identity.ts: new RegExp(pattern)).
import type { ProcessInfo } from '../model/observation.ts';
import { CliError } from './cli-error.ts';
import type { LocalOps, ProcmatchResult } from './context.ts';
import { boxTable, colour, type Output } from './terminal.ts';

export function compileMatching(pattern: string): RegExp {
  try {
    return new RegExp(pattern);
  } catch (err) {
    throw new CliError(`procmatch: the regular expression does not compile: ${(err as Error).message}`);
  }
}

function cells(p: ProcessInfo, chosen: ProcessInfo | null): string[] {
  return [p.pid === chosen?.pid ? '*' : '', String(p.pid), String(p.ppid), p.cmdline];
}

export function procmatchText(result: ProcmatchResult, out: Pick<Output, 'boxes' | 'colours'>): string {
  const rows = result.matches.map((p) => cells(p, result.chosen));
  let table: string;
  if (out.boxes) {
    table = boxTable(['', 'PID', 'PPID', 'Command'], rows, (row, _col, padded) =>
      rows[row]![0] === '*' ? colour(out.colours, 'green', padded) : padded);
  } else {
    const line = (r: readonly string[]) => `${r[0]!.padEnd(1)} ${r[1]!.padEnd(8)} ${r[2]!.padEnd(8)} ${r[3]!}`.trimEnd();
    table = [line(['', 'PID', 'PPID', 'Command']), ...rows.map(line)].join('\n') + '\n';
  }
  const note = result.chosen ? `* the process a matching check picks (pid ${result.chosen.pid})\n` : 'no process would be picked\n';
  return `${table}Total matches: ${result.matches.length}\n${result.matches.length > 0 ? note : ''}`;
}

/** Exit 0 when a check would pick a process, 1 when none. */
export async function procmatch(pattern: string, local: LocalOps, out: Output): Promise<number> {
  const result = await local.procmatch(compileMatching(pattern));
  out.out(procmatchText(result, out));
  return result.chosen ? 0 : 1;
}
