// `check filesystem`: space and inodes (used or free, in % or absolute), and `changed fsflags` (monit.md 2.3).
import type { FilesystemFigures } from '../model/observation.ts';
import type { Operator } from '../model/rule.ts';
import { compare } from './operators.ts';
import { skip, type Outcome } from './outcome.ts';
import { formatBytes, formatNumber } from './units.ts';

interface Measure {
  op: Operator;
  value: number;
  free: boolean;
}

function shown(value: number, percent: boolean, bytes: boolean): string {
  if (percent) return `${formatNumber(value)}%`;
  return bytes ? formatBytes(value) : String(Math.round(value));
}

function verdict(kind: 'space' | 'inode', test: Measure, value: number, percent: boolean, mount: string): Outcome {
  const name = `${kind === 'space' ? 'space' : 'inode'} ${test.free ? 'free' : 'usage'}`;
  const now = shown(value, percent, kind === 'space');
  const limit = shown(test.value, percent, kind === 'space');
  const failed = compare(test.op, value, test.value);
  const message = failed
    ? `${name} ${now} on ${mount} matches resource limit [${kind}${test.free ? ' free' : ''} ${test.op} ${limit}]`
    : `${name} test succeeded on ${mount} [current ${name} = ${now}]`;
  return { kind: 'result', failed, message, figures: { [kind]: Math.round(value * 100) / 100, limit: test.value } };
}

/** Usage counts the blocks reserved for root as used (as df does); `free` is what unprivileged users can still use. */
export function spaceOutcome(test: Measure & { unit: 'percent' | 'bytes' }, fs: FilesystemFigures): Outcome {
  if (fs.blocks <= 0) return skip(`${fs.mountPoint} reports no blocks`);
  const blocks = test.free ? fs.blocksAvailable : fs.blocks - fs.blocksFree;
  const percent = test.unit === 'percent';
  const value = percent ? (blocks / fs.blocks) * 100 : blocks * fs.blockSize;
  return verdict('space', test, value, percent, fs.mountPoint);
}

export function inodeOutcome(test: Measure & { unit: 'percent' | 'count' }, fs: FilesystemFigures): Outcome {
  if (fs.inodes <= 0) return skip(`${fs.mountPoint} (${fs.fsType}) has no inode figures`);
  const count = test.free ? fs.inodesFree : fs.inodes - fs.inodesFree;
  const percent = test.unit === 'percent';
  return verdict('inode', test, percent ? (count / fs.inodes) * 100 : count, percent, fs.mountPoint);
}

export function changedFsflagsOutcome(fs: FilesystemFigures): Outcome {
  return {
    kind: 'value',
    value: fs.flags,
    message: `filesystem flags of ${fs.mountPoint} are ${fs.flags}`,
    changeMessage: (from) => `filesystem flags of ${fs.mountPoint} changed from ${String(from)} to ${fs.flags}`,
  };
}
