// Secrets never reach a log line: values under these keys are replaced, at any depth.
const SECRET_KEY = /^(password|pass|passwd|secret|authorization)$/i;
export const REDACTED = '[redacted]';

export function redact(value: unknown, seen = new WeakSet<object>()): unknown {
  if (value instanceof Error) {
    const code = (value as NodeJS.ErrnoException).code;
    return { type: value.name, message: value.message, ...(code ? { code } : {}) };
  }
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = SECRET_KEY.test(key) ? REDACTED : redact(item, seen);
  return copy;
}
