// Strict percent-decoding (monit CVE-2019-11455 was a truncated `%` escape read past the buffer):
// a `%` must be followed by two hex digits and the bytes must be UTF-8, else the request is a 400.
import { HttpError } from './errors.ts';

const BAD_ESCAPE = /%(?![0-9a-fA-F]{2})/;

export function hasBadEscape(text: string): boolean {
  return BAD_ESCAPE.test(text);
}

function badEncoding(where: string): HttpError {
  return new HttpError(400, 'TSM_E_HTTP_BAD_REQUEST', `malformed percent-encoding in the ${where}`);
}

/** Decodes one form or query component (`+` is a space); throws a 400 on a bad escape or bad UTF-8. */
export function decodeComponent(text: string, where: string): string {
  if (hasBadEscape(text)) throw badEncoding(where);
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    throw badEncoding(where);
  }
}

export type FormFields = Record<string, string | string[]>;

/** application/x-www-form-urlencoded, strictly: repeated keys become arrays (monit's `service=a&service=b`). */
export function parseForm(body: string, where = 'body'): FormFields {
  const fields: FormFields = Object.create(null) as FormFields;
  if (body === '') return fields;
  for (const pair of body.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const key = decodeComponent(eq < 0 ? pair : pair.slice(0, eq), where);
    const value = decodeComponent(eq < 0 ? '' : pair.slice(eq + 1), where);
    const prev = fields[key];
    fields[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return fields;
}

/** The first value of a field, or undefined. */
export function firstOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

/** Every value of a field as a list of strings. */
export function allOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
