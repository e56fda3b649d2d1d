// Reading /proc cheaply. The kernel builds these files in memory, so a synchronous read costs a few
// microseconds and never waits on a disk; going through libuv's thread pool (fs.promises, even plain callbacks)
// cost several times the read itself in hand-offs between threads (the overhead benchmark's profile), and a
// cycle reads a few files for every monitored process.
import { closeSync, openSync, readSync } from 'node:fs';

let buffer = Buffer.allocUnsafe(4096);

/**
 * A /proc file's text, or null when the file cannot be opened or read (the process is gone, or is not ours to
 * read).
 */
export function readProcFileSync(path: string, encoding: 'latin1' | 'utf8' = 'latin1'): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    return readFdSync(fd, encoding);
  } finally {
    closeSync(fd);
  }
}

/**
 * The whole text of an open /proc file, read from its start (pread, so a descriptor kept open reads afresh), or
 * null when the read fails (ESRCH: its process is gone). /proc files answer a read with all they have up to the
 * buffer, so a short read is the end.
 */
export function readFdSync(fd: number, encoding: 'latin1' | 'utf8' = 'latin1'): string | null {
  try {
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, length);
      length += n;
      if (n === 0 || length < buffer.length) break;
      const bigger = Buffer.allocUnsafe(buffer.length * 2);
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    return buffer.toString(encoding, 0, length);
  } catch {
    return null;
  }
}

/** The state letter of /proc/PID/stat ('R', 'S', 'Z', ...), or null when the process is gone. */
export function procStateSync(path: string): string | null {
  return stateLetter(readProcFileSync(path));
}

/** The state letter of a stat line (after the last ')': comm may hold parentheses). */
export function stateLetter(stat: string | null): string | null {
  if (stat === null) return null;
  const close = stat.lastIndexOf(')');
  return close > 0 && close + 2 < stat.length ? stat[close + 2]! : null;
}
