// monit's log line: `[2026-11-23T10:00:00+00:00] info     : 'web' process is not running`,
// built from one pino JSON record; extra fields follow as key=value.

/** Fields pino adds that a human line does not repeat. */
const HIDDEN = new Set(['level', 'time', 'msg', 'pid', 'hostname']);
/** monit's names, padded as its "%-8s :" does. */
const LEVEL_NAMES: Record<string, string> = { debug: 'debug', info: 'info', warn: 'warning', error: 'error' };

export interface LogRecord {
  level?: unknown;
  time?: unknown;
  msg?: unknown;
  [key: string]: unknown;
}

export function formatLine(record: LogRecord, options: { withTime: boolean }): string {
  const level = (LEVEL_NAMES[String(record.level)] ?? String(record.level)).padEnd(8);
  const fields = Object.entries(record)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => ` ${key}=${formatValue(value)}`)
    .join('');
  const text = `${level} : ${String(record.msg ?? '')}${fields}`;
  return options.withTime ? `[${localIsoTime(new Date(timeOf(record.time)))}] ${text}` : text;
}

/** ISO 8601 in local time with the UTC offset, seconds precision (monit's format). */
export function localIsoTime(date: Date): string {
  const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
    + `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
}

function timeOf(time: unknown): number {
  if (typeof time === 'number') return time;
  const parsed = typeof time === 'string' ? Date.parse(time) : NaN;
  return Number.isNaN(parsed) ? Date.now() : parsed;
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}
