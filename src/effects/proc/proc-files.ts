// Parsers for /proc/PID/{stat,status,cmdline}. Pure: text in, fields out.

export interface StatFields {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  /** utime + stime, clock ticks. */
  cpuTicks: number;
  threads: number;
  /** Start time after boot, clock ticks. */
  startTicks: number;
  rssPages: number;
}

/**
 * `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so it ends at the LAST ')'.
 * Returns null for text that does not have that shape.
 */
export function parseStat(text: string): StatFields | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const rest = text.slice(close + 2).trim().split(/\s+/);
  // rest[0] is field 3 (state) of proc(5); field N is rest[N - 3].
  const field = (n: number): number => Number(rest[n - 3]);
  const fields: StatFields = {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    state: rest[0] ?? '?',
    ppid: field(4),
    cpuTicks: field(14) + field(15),
    threads: field(20),
    startTicks: field(22),
    rssPages: field(24),
  };
  const numbers = [fields.pid, fields.ppid, fields.cpuTicks, fields.threads, fields.startTicks, fields.rssPages];
  return numbers.every(Number.isFinite) ? fields : null;
}

export interface StatusFields {
  uid: number;
  euid: number;
  gid: number;
}

/** Uid/Gid lines: real, effective, saved, filesystem. */
export function parseStatus(text: string): StatusFields {
  const ids = (key: string): number[] => {
    const match = new RegExp(`^${key}:\\s+([\\d\\s]+)$`, 'm').exec(text);
    return match?.[1] ? match[1].trim().split(/\s+/).map(Number) : [];
  };
  const uids = ids('Uid');
  const gids = ids('Gid');
  return { uid: uids[0] ?? -1, euid: uids[1] ?? -1, gid: gids[0] ?? -1 };
}

/** NUL-separated argv as one line; kernel threads and zombies have none, shown as `[comm]`. */
export function formatCmdline(raw: string, comm: string): string {
  const line = raw.replace(/\0+$/, '').replace(/\0/g, ' ');
  return line.length > 0 ? line : `[${comm}]`;
}
