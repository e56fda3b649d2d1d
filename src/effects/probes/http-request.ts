// The request monit sends (monit.md 2.5): METHOD PATH HTTP/1.1, Basic credentials, Host (port left out
// for 80 and 443, IPv6 in brackets, `hostheader` overrides), default headers each dropped when the
// user's `http headers [...]` has one of that name, then the user's headers.
import type { ProtocolSpec } from '../../model/rule.ts';

export const USER_AGENT = 'tsmonit/0.1';

export interface HttpRequestInput {
  options: ProtocolSpec['options'];
  host: string;
  port: number | null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function requestMethod(options: ProtocolSpec['options']): string {
  return (text(options.method) ?? 'GET').toUpperCase();
}

export function requestTarget(options: ProtocolSpec['options']): string {
  const request = text(options.request);
  if (request === undefined || request === '') return '/';
  // A full URL is sent as written (proxy testing); a path gets its leading slash.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(request) || request.startsWith('/') ? request : `/${request}`;
}

function hostValue(host: string, port: number | null): string {
  const name = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return port === null || port === 80 || port === 443 ? name : `${name}:${port}`;
}

/** User header lines (`http headers [...]` joined by \n), without empty ones. */
function userHeaders(options: ProtocolSpec['options']): string[] {
  return (text(options.headers) ?? '').split('\n').map((h) => h.trim()).filter((h) => h !== '');
}

export function buildHttpRequest({ options, host, port }: HttpRequestInput): string {
  const extra = userHeaders(options);
  const given = new Set(extra.map((h) => h.slice(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase()));
  const lines = [`${requestMethod(options)} ${requestTarget(options)} HTTP/1.1`];
  const user = text(options.username);
  if (user !== undefined && !given.has('authorization')) {
    const credentials = Buffer.from(`${user}:${text(options.password) ?? ''}`).toString('base64');
    lines.push(`Authorization: Basic ${credentials}`);
  }
  const defaults: Array<[string, string]> = [
    ['Host', text(options.hostheader) ?? hostValue(host, port)],
    ['User-Agent', USER_AGENT],
    ['Accept', '*/*'],
    ['Accept-Encoding', 'identity'],
    ['Connection', 'close'],
  ];
  for (const [name, value] of defaults) if (!given.has(name.toLowerCase())) lines.push(`${name}: ${value}`);
  lines.push(...extra);
  return `${lines.join('\r\n')}\r\n\r\n`;
}
