// How figures are written in messages: monit's style, one decimal for percentages.
import type { ResourceUnit } from '../model/rule.ts';

/** At most `decimals` decimals, trailing zeros dropped: 50 -> "50", 73.25 -> "73.3". */
export function formatNumber(value: number, decimals = 1): string {
  return String(Number(value.toFixed(decimals)));
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];

/** Powers of 1024, as monit prints sizes: "12.3 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < BYTE_UNITS.length - 1) {
    value /= 1024;
    i += 1;
  }
  return `${formatNumber(value)} ${BYTE_UNITS[i]}`;
}

export function formatValue(value: number, unit: ResourceUnit): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(value)}%`;
    case 'bytes':
      return formatBytes(value);
    case 'count':
      return String(Math.round(value));
    case 'load':
      return formatNumber(value, 2);
  }
}
