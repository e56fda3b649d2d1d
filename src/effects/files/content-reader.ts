// New complete lines of a file since a cursor (inode + offset), as monit reads log files: first sight starts at
// the end; a new inode (rotation) or a file shorter than the offset (truncation) starts again from 0.
import { open, type FileHandle } from 'node:fs/promises';
import type { ContentCursor, ContentRead } from '../../model/observation.ts';
import { errnoText } from '../errno-text.ts';

/** At most this much is read per check; a file growing faster is caught up over the next checks. */
export const DEFAULT_MAX_READ_BYTES = 8 * 1024 * 1024;

export interface ReadOptions {
  /** Each line is cut to this many bytes (monit's file content buffer). */
  lineLimitBytes: number;
  maxReadBytes?: number;
}

interface Start {
  offset: number;
  note?: string;
}

function startOf(path: string, cursor: ContentCursor | null, inode: number, size: number): Start {
  if (!cursor || cursor.path !== path) return { offset: size, note: `first sight: reading starts at the end (${size} bytes skipped)` };
  if (cursor.inode === 0) return { offset: 0, note: 'the file appeared: reading from its start' };
  if (cursor.inode !== inode) return { offset: 0, note: 'the file was replaced (rotated): reading the new one from its start' };
  if (size < cursor.offset) return { offset: 0, note: 'the file was truncated: reading from its start' };
  return { offset: cursor.offset };
}

async function readFrom(handle: FileHandle, offset: number, max: number): Promise<Buffer> {
  const buffer = Buffer.alloc(max);
  let filled = 0;
  while (filled < max) {
    const { bytesRead } = await handle.read(buffer, filled, max - filled, offset + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

function cut(line: Buffer, limit: number): string {
  const text = (line.length > limit ? line.subarray(0, limit) : line).toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}

/** Splits what was read into complete lines; a full buffer without a newline counts as one (cut) line. */
function completeLines(data: Buffer, max: number, limit: number): { lines: string[]; consumed: number } {
  let end = data.lastIndexOf(0x0a);
  if (end < 0) return data.length >= max ? { lines: [cut(data, limit)], consumed: data.length } : { lines: [], consumed: 0 };
  const lines: string[] = [];
  let from = 0;
  while (from <= end) {
    const nl = data.indexOf(0x0a, from);
    lines.push(cut(data.subarray(from, nl), limit));
    from = nl + 1;
  }
  end += 1;
  return { lines, consumed: end };
}

export async function readNewLines(path: string, cursor: ContentCursor | null, options: ReadOptions): Promise<ContentRead> {
  const max = options.maxReadBytes ?? DEFAULT_MAX_READ_BYTES;
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    // A missing file's lines are all new once it appears: inode 0 says "read it from the start".
    if (missing) return { lines: [], cursor: { path, inode: 0, offset: 0 }, note: 'the file does not exist' };
    return { lines: [], cursor: cursor ?? { path, inode: 0, offset: 0 }, error: errnoText(error) };
  }
  try {
    const s = await handle.stat();
    const start = startOf(path, cursor, s.ino, s.size);
    const data = await readFrom(handle, start.offset, max);
    const { lines, consumed } = completeLines(data, max, options.lineLimitBytes);
    const read: ContentRead = { lines, cursor: { path, inode: s.ino, offset: start.offset + consumed } };
    if (start.note) read.note = start.note;
    return read;
  } catch (error) {
    return { lines: [], cursor: cursor ?? { path, inode: 0, offset: 0 }, error: errnoText(error) };
  } finally {
    await handle.close();
  }
}
