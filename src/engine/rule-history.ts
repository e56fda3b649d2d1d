// A rule's last results, newest first, as a string of '0'/'1' ('1' = the failure polarity was seen). A string
// rather than a boolean[]: every rule of every service is stepped and saved to the state file each cycle.
export const HISTORY_LENGTH = 64;

const ONE = 49; // '1'
const ZERO = 48; // '0'
const ALL_FAILED = '1'.repeat(HISTORY_LENGTH);
const ALL_SUCCEEDED = '0'.repeat(HISTORY_LENGTH);
const VALID = /^[01]{0,64}$/;

/** How many of the newest `cycles` results equal `failed`. */
export function countResults(history: string, cycles: number, failed: boolean): number {
  const want = failed ? ONE : ZERO;
  const end = Math.min(cycles, history.length);
  let n = 0;
  for (let i = 0; i < end; i++) if (history.charCodeAt(i) === want) n += 1;
  return n;
}

/**
 * The newest result first, at most HISTORY_LENGTH. A full history of one polarity that gets one more of the same
 * is returned as it is (the shared string): a steady rule then allocates nothing.
 */
export function prependResult(result: boolean, history: string): string {
  const full = result ? ALL_FAILED : ALL_SUCCEEDED;
  if (history === full) return full;
  const kept = history.length < HISTORY_LENGTH ? history : history.slice(0, HISTORY_LENGTH - 1);
  const next = (result ? '1' : '0') + kept;
  return next === full ? full : next;
}

/** A full history of one polarity (after a transition): shared strings, nothing built. */
export function filledHistory(failed: boolean): string {
  return failed ? ALL_FAILED : ALL_SUCCEEDED;
}

/** A history read back from outside (the state file): only '0'/'1' kept, at most HISTORY_LENGTH; else empty. */
export function sanitizeHistory(value: unknown): string {
  if (typeof value !== 'string') return '';
  if (VALID.test(value)) return value;
  return value.replace(/[^01]/g, '').slice(0, HISTORY_LENGTH);
}
