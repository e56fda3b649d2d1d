// `if content = "regex"`: on a file, each new line (after `ignore content` rules); on a program, its whole output.
import type { ContentRead, ProgramObservation } from '../model/observation.ts';
import type { ContentIgnore } from '../model/rule.ts';
import { skip, type Outcome } from './outcome.ts';

/** How many matching lines an event quotes; the count says how many more there were. */
export const QUOTED_LINES = 10;

const compiled = new Map<string, RegExp>();

function regex(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(pattern);
    compiled.set(pattern, re);
  }
  return re;
}

/** `ignore content = "re"` drops the lines it matches; `ignore content != "re"` drops the lines it does not. */
export function notIgnored(lines: readonly string[], ignores: readonly ContentIgnore[]): string[] {
  return lines.filter((line) => !ignores.some((ig) => regex(ig.pattern).test(line) === (ig.op === '=')));
}

function quote(lines: readonly string[]): string {
  const shown = lines.slice(0, QUOTED_LINES).join('\n');
  const more = lines.length - QUOTED_LINES;
  return more > 0 ? `${shown}\n... and ${more} more line${more === 1 ? '' : 's'}` : shown;
}

export function fileContentOutcome(
  test: { op: '=' | '!='; pattern: string },
  path: string,
  content: ContentRead | undefined,
  ignores: readonly ContentIgnore[],
): Outcome {
  if (!content) return skip();
  if (content.error) return skip(`content of ${path} cannot be read: ${content.error}`);
  const lines = notIgnored(content.lines, ignores);
  const re = regex(test.pattern);
  const hits = lines.filter((line) => re.test(line) === (test.op === '='));
  if (hits.length > 0) {
    const what = test.op === '=' ? 'content match' : "content doesn't match";
    return { kind: 'result', failed: true, message: `${what} on ${path}:\n${quote(hits)}`, figures: { lines: hits.length } };
  }
  const n = content.lines.length;
  return { kind: 'result', failed: false, message: `content test succeeded for ${path} (${n} new line${n === 1 ? '' : 's'})` };
}

/** A program's whole output: `=` fails when the regex matches it, `!=` when it does not. */
export function programContentOutcome(test: { op: '=' | '!='; pattern: string }, program: ProgramObservation): Outcome {
  if (program.error) return skip(`program could not be started: ${program.error}`);
  const matches = regex(test.pattern).test(program.output);
  const failed = matches === (test.op === '=');
  const message = failed
    ? `${test.op === '=' ? 'content match' : "content doesn't match"} in the program's output [content ${test.op} "${test.pattern}"]: ${firstLine(program.output)}`
    : `content test succeeded for the program's output [content ${test.op} "${test.pattern}"]`;
  return { kind: 'result', failed, message };
}

export function changedProgramContentOutcome(program: ProgramObservation): Outcome {
  if (program.error) return skip(`program could not be started: ${program.error}`);
  return {
    kind: 'value',
    value: program.output,
    message: `program output: ${firstLine(program.output)}`,
    changeMessage: () => `program output changed: ${firstLine(program.output)}`,
  };
}

export function firstLine(output: string): string {
  const line = output.split('\n').map((l) => l.trim()).find((l) => l.length > 0);
  return line === undefined ? '(no output)' : line;
}
