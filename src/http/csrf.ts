// CSRF (monit CVE-2016-7067): a browser POST must come from this origin and carry the double-submit token
// (cookie `securitytoken` equal to the `securitytoken` form field or the X-CSRF-Token header). A request
// with neither Origin nor Sec-Fetch-Site is not from a browser (CLI, curl, scripts) and needs no token.
// The cookie is readable by the dashboard's script on purpose: it sends it back as X-CSRF-Token.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';
import { sameSecret } from './password-hash.ts';

export const CSRF_COOKIE = 'securitytoken';
const TOKEN = /^[A-Za-z0-9_-]{32,128}$/;
const MAX_AGE_S = 12 * 3600;
const TOKEN_BYTES = 24;

// A new token goes out with every answer to a client without the cookie (scripts never keep it): drawn
// from a pool of random bytes filled 128 tokens at a time rather than a crypto call per answer (HTTP
// benchmark profile). Each token is still 24 fresh random bytes, never reused.
let pool = Buffer.alloc(0);
let used = 0;

function newToken(): string {
  if (used + TOKEN_BYTES > pool.length) {
    pool = randomBytes(TOKEN_BYTES * 128);
    used = 0;
  }
  const token = pool.toString('base64url', used, used + TOKEN_BYTES);
  pool.fill(0, used, used + TOKEN_BYTES);
  used += TOKEN_BYTES;
  return token;
}

function changesState(request: FastifyRequest): boolean {
  return request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS';
}

function fromBrowser(request: FastifyRequest): boolean {
  return request.headers.origin !== undefined || request.headers['sec-fetch-site'] !== undefined;
}

export function cookieToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === CSRF_COOKIE) {
      const value = part.slice(eq + 1).trim();
      return TOKEN.test(value) ? value : null;
    }
  }
  return null;
}

function crossSite(request: FastifyRequest, scheme: string): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return true;
  const origin = request.headers.origin;
  if (origin === undefined) return false;
  return origin !== `${scheme}://${request.headers.host ?? ''}`;
}

function submittedToken(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === 'object' ? body[CSRF_COOKIE] : undefined;
  return typeof field === 'string' ? field : undefined;
}

function refuse(message: string): HttpError {
  return new HttpError(403, 'TSM_E_HTTP_CSRF', message);
}

export function installCsrf(ctx: FastifyInstance, options: { tls: boolean }): void {
  const scheme = options.tls ? 'https' : 'http';
  ctx.addHook('onRequest', async (request) => {
    if (changesState(request) && fromBrowser(request) && crossSite(request, scheme)) {
      throw refuse('cross-site requests cannot change anything');
    }
  });
  // After the body is parsed: the token may be a form field.
  ctx.addHook('preHandler', async (request) => {
    if (!changesState(request) || !fromBrowser(request)) return;
    const expected = cookieToken(request);
    const given = submittedToken(request);
    if (expected === null || given === undefined || !sameSecret(given, expected)) {
      throw refuse('a browser request needs the securitytoken cookie and the same value as X-CSRF-Token or form field');
    }
  });
  ctx.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (cookieToken(request) === null && request.principal) {
      const secure = options.tls ? '; Secure' : '';
      reply.header('set-cookie', `${CSRF_COOKIE}=${newToken()}; Path=/; Max-Age=${MAX_AGE_S}; SameSite=Strict${secure}`);
    }
    return payload;
  });
}
