// Numbers for people: bytes, percent, durations, times. '–' where no value exists yet.

export const NONE = '–';

export function bytes(n) {
  if (n === null || n === undefined) return NONE;
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let i = 0;
  while (value >= 1024 && i < units.length - 1) {
    value /= 1024;
    i++;
  }
  return `${i === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[i]}`;
}

export function percent(n) {
  if (n === null || n === undefined) return NONE;
  return `${n < 10 ? n.toFixed(1) : Math.round(n)} %`;
}

export function ms(n) {
  if (n === null || n === undefined) return NONE;
  if (n < 1) return `${n.toFixed(2)} ms`;
  if (n < 100) return `${n.toFixed(1)} ms`;
  if (n < 1000) return `${Math.round(n)} ms`;
  return `${(n / 1000).toFixed(n < 10_000 ? 2 : 1)} s`;
}

/** 3725 -> "1h 2m"; 59 -> "59s". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return NONE;
  const s = Math.max(0, Math.round(seconds));
  const d = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${hours}h`;
  if (hours > 0) return `${hours}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

/** An ISO time relative to now: "4s ago", "in 2s". */
export function relative(iso, now = Date.now()) {
  if (!iso) return NONE;
  const delta = (Date.parse(iso) - now) / 1000;
  if (Math.abs(delta) < 1) return 'now';
  return delta < 0 ? `${duration(-delta)} ago` : `in ${duration(delta)}`;
}

/** A time that should lie ahead (the next check): "in 2s", or "due" once it has passed. */
export function upcoming(iso, now = Date.now()) {
  if (!iso) return NONE;
  const delta = Date.parse(iso) - now;
  if (delta < -1000) return 'due';
  return delta < 1000 ? 'in 1s' : relative(iso, now);
}

/** Local wall-clock time; the date too when it is not today. */
export function clock(iso) {
  if (!iso) return NONE;
  const d = new Date(iso);
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  return d.toDateString() === new Date().toDateString() ? time : `${d.toLocaleDateString()} ${time}`;
}

export function count(n) {
  return n === null || n === undefined ? NONE : String(n);
}

/** Figures of an event: { cpu: 73.2, limit: 50 } -> "cpu 73.2, limit 50". */
export function figures(f) {
  if (!f) return '';
  return Object.entries(f).map(([k, v]) => `${k} ${v === null ? 'none' : v}`).join(', ');
}
