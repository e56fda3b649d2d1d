// `check program`: `if status OP N`, `if changed status` on the exit status of this cycle's run (monit.md 2.3).
import type { ProgramObservation } from '../model/observation.ts';
import type { Operator } from '../model/rule.ts';
import { compare } from './operators.ts';
import { firstLine } from './content-tests.ts';
import type { Outcome } from './outcome.ts';

/** Why the program has no exit status: it could not start, timed out, or was killed. null: it exited. */
export function abnormalEnd(p: ProgramObservation): string | null {
  if (p.error !== undefined) return `program could not be started: ${p.error}`;
  if (p.timedOut) return `program timed out after ${Math.round(p.durationMs / 1000)} s and was killed`;
  if (p.exitCode === null) return `program was killed by ${p.signal ?? 'a signal'}`;
  return null;
}

/**
 * A program that did not exit by itself has no status to compare: every status rule fails, naming why, so a hung
 * or missing script is never silently "ok".
 */
export function statusOutcome(test: { op: Operator; value: number }, p: ProgramObservation): Outcome {
  const abnormal = abnormalEnd(p);
  if (abnormal !== null) return { kind: 'result', failed: true, message: abnormal, figures: { status: null } };
  const status = p.exitCode as number;
  const failed = compare(test.op, status, test.value);
  const message = failed
    ? `status failed (${status}) [status ${test.op} ${test.value}] -- ${firstLine(p.output)}`
    : `status succeeded (${status}) -- ${firstLine(p.output)}`;
  return { kind: 'result', failed, message, figures: { status, limit: test.value } };
}

/** The value a `changed status` watches: the exit status, or how the program ended without one. */
function statusValue(p: ProgramObservation): string | number {
  if (p.error !== undefined) return 'not started';
  if (p.timedOut) return 'timed out';
  return p.exitCode ?? p.signal ?? 'killed';
}

export function changedStatusOutcome(p: ProgramObservation): Outcome {
  const value = statusValue(p);
  return {
    kind: 'value',
    value,
    message: `program status is ${value}`,
    changeMessage: (from) => `program status changed (${String(from)} -> ${value}) -- ${firstLine(p.output)}`,
  };
}
