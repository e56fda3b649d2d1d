// Tests on a path (file, directory, fifo; a filesystem's mount point): existence, type, timestamps, size,
// permission, uid and gid (monit.md 2.3).
import type { PathObservation, PathStat } from '../model/observation.ts';
import type { Operator, Test, TimestampField } from '../model/rule.ts';
import type { ServiceType } from '../model/service.ts';
import { compare } from './operators.ts';
import { skip, type Outcome } from './outcome.ts';
import { numericId } from './process-tests.ts';
import { formatBytes } from './units.ts';

/** The path's existence: the test "fails" when it is missing (`if does not exist`). */
export function pathNonexistOutcome(type: ServiceType, path: PathObservation): Outcome {
  if (path.stat === null) {
    return { kind: 'result', failed: true, message: `${type} ${path.path} does not exist${path.detail ? ` (${path.detail})` : ''}` };
  }
  return { kind: 'result', failed: false, message: `${type} ${path.path} exists` };
}

const EXPECTED_KIND: Partial<Record<ServiceType, { kinds: Array<PathStat['kind']>; words: string }>> = {
  file: { kinds: ['file', 'socket'], words: 'a regular file' },
  directory: { kinds: ['directory'], words: 'a directory' },
  fifo: { kinds: ['fifo'], words: 'a fifo' },
};

/** monit's implicit "invalid type" test: a `check directory` on a file, a `check file` on a directory. */
export function pathTypeProblem(type: ServiceType, path: PathObservation | undefined): string | null {
  const expected = EXPECTED_KIND[type];
  if (!expected || !path?.stat) return null;
  if (expected.kinds.includes(path.stat.kind)) return null;
  return `${path.path} is not ${expected.words} (it is a ${path.stat.kind})`;
}

const FIELD_WORDS: Record<TimestampField, string> = { any: 'timestamp', atime: 'access time', ctime: 'change time', mtime: 'modification time' };
const FIELD_SHORT: Record<TimestampField, string> = { any: 'timestamp', atime: 'atime', ctime: 'ctime', mtime: 'mtime' };

/** monit's default timestamp is the later of ctime and mtime. */
export function timestampOf(stat: PathStat, field: TimestampField): number {
  switch (field) {
    case 'atime':
      return stat.atimeMs;
    case 'ctime':
      return stat.ctimeMs;
    case 'mtime':
      return stat.mtimeMs;
    case 'any':
      return Math.max(stat.ctimeMs, stat.mtimeMs);
  }
}

/** `if timestamp > 5 minutes`: the figure is the age in seconds (`older` is `>`, `newer` is `<`). */
export function timestampOutcome(test: { field: TimestampField; op: Operator; seconds: number }, path: PathObservation, stat: PathStat, now: number): Outcome {
  const ageS = Math.max(0, Math.floor((now - timestampOf(stat, test.field)) / 1000));
  const failed = compare(test.op, ageS, test.seconds);
  const words = FIELD_WORDS[test.field];
  const message = failed
    ? `${words} of ${path.path} is ${ageS} s old, matching [${FIELD_SHORT[test.field]} ${test.op} ${test.seconds} s]`
    : `timestamp test succeeded for ${path.path} [${words} ${ageS} s ago]`;
  return { kind: 'result', failed, message, figures: { age: ageS, limit: test.seconds } };
}

export function changedTimestampOutcome(field: TimestampField, path: PathObservation, stat: PathStat): Outcome {
  const value = Math.round(timestampOf(stat, field));
  const words = FIELD_WORDS[field];
  const iso = (ms: string | number) => new Date(Number(ms)).toISOString();
  return {
    kind: 'value',
    value,
    message: `${words} of ${path.path} is ${iso(value)}`,
    changeMessage: (from) => `${words} of ${path.path} changed from ${iso(from)} to ${iso(value)}`,
  };
}

export function sizeOutcome(test: { op: Operator; bytes: number }, path: PathObservation, stat: PathStat): Outcome {
  const failed = compare(test.op, stat.size, test.bytes);
  const message = failed
    ? `size of ${path.path} is ${formatBytes(stat.size)}, matching [size ${test.op} ${formatBytes(test.bytes)}]`
    : `size test succeeded for ${path.path} [current size = ${formatBytes(stat.size)}]`;
  return { kind: 'result', failed, message, figures: { size: stat.size, limit: test.bytes } };
}

export function changedSizeOutcome(path: PathObservation, stat: PathStat): Outcome {
  return {
    kind: 'value',
    value: stat.size,
    message: `size of ${path.path} is ${stat.size} B`,
    changeMessage: (from) => `size of ${path.path} changed from ${String(from)} B to ${stat.size} B`,
  };
}

export function octal(mode: number): string {
  return `0${(mode & 0o7777).toString(8).padStart(3, '0')}`;
}

export function permissionOutcome(test: { mode: number }, path: PathObservation, stat: PathStat): Outcome {
  const failed = (stat.mode & 0o7777) !== (test.mode & 0o7777);
  const message = failed
    ? `permission test failed for ${path.path} -- current permission is ${octal(stat.mode)}, expected ${octal(test.mode)}`
    : `permission test succeeded for ${path.path} [current permission = ${octal(stat.mode)}]`;
  return { kind: 'result', failed, message, figures: { mode: octal(stat.mode), expected: octal(test.mode) } };
}

export function changedPermissionOutcome(path: PathObservation, stat: PathStat): Outcome {
  const value = octal(stat.mode);
  return {
    kind: 'value',
    value,
    message: `permission of ${path.path} is ${value}`,
    changeMessage: (from) => `permission of ${path.path} changed from ${String(from)} to ${value}`,
  };
}

/** `if failed uid 0` / `if failed gid www-data` on a path (names were resolved to numbers at start). */
export function pathIdentityOutcome(test: Extract<Test, { kind: 'identity' }>, path: PathObservation, stat: PathStat): Outcome {
  if (test.field === 'euid') return skip('euid is a process figure');
  const expected = numericId(test.expect);
  if (expected === null) return skip(`${test.field} '${test.expect}' is a name that has not been resolved to a number`);
  const actual = stat[test.field];
  const failed = actual !== expected;
  const message = failed
    ? `${test.field} test failed for ${path.path} -- current ${test.field} is ${actual}, expected ${expected}`
    : `${test.field} test succeeded for ${path.path} [current ${test.field} = ${actual}]`;
  return { kind: 'result', failed, message, figures: { [test.field]: actual, expected } };
}
