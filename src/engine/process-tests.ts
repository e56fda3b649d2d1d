// Tests on a process: existence, changed pid/ppid, uptime, uid/euid/gid.
import type { Observation, ProcessFigures } from '../model/observation.ts';
import type { Operator, Test } from '../model/rule.ts';
import { compare } from './operators.ts';
import { skip, type Outcome } from './outcome.ts';

type ProcessPart = NonNullable<Observation['process']>;

function notRunning(proc: ProcessPart): string {
  const detail = proc.detail.trim();
  const zombie = proc.zombie && !/zombie/i.test(detail) ? ' (zombie)' : '';
  return detail ? `process is not running${zombie} -- ${detail}` : `process is not running${zombie}`;
}

/** The test "fails" when the process is missing (`if does not exist`). */
export function nonexistOutcome(proc: ProcessPart): Outcome {
  return proc.found === null
    ? { kind: 'result', failed: true, message: notRunning(proc), figures: { pid: null } }
    : { kind: 'result', failed: false, message: `process is running with pid ${proc.found.pid}`, figures: { pid: proc.found.pid } };
}

/** `if exist`: the rule fails when the process is there, whatever polarity the parser gave it. */
export function existOutcome(proc: ProcessPart): Outcome {
  const missing = nonexistOutcome(proc);
  return missing.kind === 'result' ? { ...missing, failed: !missing.failed } : missing;
}

export function changedProcessOutcome(target: 'pid' | 'ppid', found: ProcessFigures): Outcome {
  const value = target === 'pid' ? found.pid : found.ppid;
  const label = target === 'pid' ? 'PID' : 'PPID';
  return {
    kind: 'value',
    value,
    message: `process ${label} is ${value}`,
    changeMessage: (from) => `process ${label} changed from ${from} to ${value}`,
  };
}

export function uptimeOutcome(test: { op: Operator; seconds: number }, uptimeS: number): Outcome {
  const failed = compare(test.op, uptimeS, test.seconds);
  const message = failed
    ? `uptime of ${Math.floor(uptimeS)} s matches limit [uptime ${test.op} ${test.seconds} s]`
    : `uptime test succeeded [current uptime = ${Math.floor(uptimeS)} s]`;
  return { kind: 'result', failed, message, figures: { uptime: uptimeS, limit: test.seconds } };
}

/** A numeric id, or null when it is a name (names are resolved outside the pure engine). */
export function numericId(expect: string | number): number | null {
  if (typeof expect === 'number') return expect;
  return /^\d+$/.test(expect.trim()) ? Number(expect.trim()) : null;
}

export function identityOutcome(test: Extract<Test, { kind: 'identity' }>, found: ProcessFigures): Outcome {
  const expected = numericId(test.expect);
  if (expected === null) return skip(`${test.field} '${test.expect}' is a name that has not been resolved to a number`);
  const actual = found[test.field];
  const failed = actual !== expected;
  const message = failed
    ? `${test.field} test failed -- current ${test.field} is ${actual}, expected ${expected}`
    : `${test.field} test succeeded [current ${test.field} = ${actual}]`;
  return { kind: 'result', failed, message, figures: { [test.field]: actual, expected } };
}
