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
  // Read once per monitored process per cycle: the fields are picked out by position, not split into ~50
  // strings (the overhead benchmark's allocation profile). Field N of proc(5) is the (N - 3)th after `) `.
  const wanted = [3, 4, 14, 15, 20, 22, 24];
  const values: string[] = [];
  let field = 3;
  let at = close + 2;
  while (at < text.length && values.length < wanted.length) {
    while (text.charCodeAt(at) === 32) at++;
    let end = at;
    while (end < text.length && text.charCodeAt(end) > 32) end++;
    if (end === at) break;
    if (field === wanted[values.length]) values.push(text.slice(at, end));
    field++;
    at = end;
  }
  const [state, ppid, utime, stime, threads, startTicks, rssPages] = values;
  const fields: StatFields = {
    pid: Number(text.slice(0, open).trim()),
    comm: text.slice(open + 1, close),
    state: state ?? '?',
    ppid: Number(ppid),
    cpuTicks: Number(utime) + Number(stime),
    threads: Number(threads),
    startTicks: Number(startTicks),
    rssPages: Number(rssPages),
  };
  const numbers = [fields.pid, fields.ppid, fields.cpuTicks, fields.threads, fields.startTicks, fields.rssPages];
  return values.length === wanted.length && numbers.every(Number.isFinite) ? fields : null;
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
