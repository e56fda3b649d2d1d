// Reading /proc cheaply: a cycle reads three files of every process on the host and the liveness watch reads
// a stat line of every monitored PID several times a second, so the usual fs.promises.readFile (a FileHandle,
// an fstat to size a buffer, two reads) was most of tsmonit's idle CPU (the overhead benchmark's profile).
import { close, closeSync, open, openSync, read, readSync } from 'node:fs';

const CHUNK = 4096;

/**
 * A /proc file's text: open, read until a short read, close (callbacks, no FileHandle, no fstat).
 * /proc files (seq_file, cmdline) answer a read with all they have up to the buffer, so a short read is the end.
 */
export function readProcFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    open(path, 'r', (openError, fd) => {
      if (openError) return reject(openError);
      const chunks: Buffer[] = [];
      const next = (): void => {
        const buffer = Buffer.allocUnsafe(CHUNK);
        read(fd, buffer, 0, CHUNK, null, (readError, n) => {
          if (readError) return close(fd, () => reject(readError));
          chunks.push(buffer.subarray(0, n));
          if (n < CHUNK) return close(fd, () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
          next();
        });
      };
      next();
    });
  });
}

// `pid (comm) S`: pid has at most 7 digits and comm at most 15 bytes, so the state is within 64 bytes.
const head = Buffer.alloc(64);

/** The state letter of /proc/PID/stat ('R', 'S', 'Z', ...), or null when the process is gone. */
export function procStateSync(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    const text = head.toString('latin1', 0, n);
    const close = text.lastIndexOf(')');
    return close > 0 && close + 2 < text.length ? text[close + 2]! : null;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
