// Request limits (monit CVE-2003-1083, CVE-2003-1084 and its header-flood fix): each breach is a clean 4xx.
// Node's parser enforces MAX_HEADER_BYTES (request line + headers, 431) and rejects a negative or
// overflowing Content-Length (400) before fastify sees the request; the rest is checked here.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';
import { hasBadEscape } from './url-encoding.ts';

export const LIMITS = {
  /** Request line and all headers together (Node's maxHeaderSize). */
  headerBytes: 16 * 1024,
  headerCount: 100,
  urlBytes: 4096,
  bodyBytes: 64 * 1024,
  /** A service name is one path parameter. */
  paramLength: 1024,
  /** Time to receive a whole request (slow-loris). */
  requestTimeoutMs: 30_000,
  /** Concurrent live streams (server-sent events). */
  streams: 64,
} as const;

function checkDecodes(url: string): void {
  if (hasBadEscape(url)) throw new HttpError(400, 'TSM_E_HTTP_BAD_REQUEST', 'malformed percent-encoding in the URL');
  try {
    decodeURIComponent(url);
  } catch {
    throw new HttpError(400, 'TSM_E_HTTP_BAD_REQUEST', 'malformed percent-encoding in the URL (not UTF-8)');
  }
}

/** Root onRequest hook: URL length, header count, well-formed percent-encoding in path and query. */
export async function requestLimits(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const url = request.raw.url ?? '';
  if (Buffer.byteLength(url) > LIMITS.urlBytes) throw new HttpError(414, 'TSM_E_HTTP_URL_TOO_LONG', `the URL is longer than ${LIMITS.urlBytes} bytes`);
  if (request.raw.rawHeaders.length / 2 > LIMITS.headerCount) {
    throw new HttpError(431, 'TSM_E_HTTP_HEADERS_TOO_LARGE', `more than ${LIMITS.headerCount} headers`);
  }
  checkDecodes(url);
}
