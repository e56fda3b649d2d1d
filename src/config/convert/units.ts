// Durations and command lines as both spellings write them.
import type { Command } from '../../model/rule.ts';

/** `30s`, `1500ms`: read back by both readers to the same milliseconds. */
export function durationText(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/** A command with options beyond its text. */
export function hasCommandOptions(c: Command): boolean {
  return c.timeoutMs !== undefined || c.uid !== undefined || c.gid !== undefined;
}
