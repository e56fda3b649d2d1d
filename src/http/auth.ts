// Who is asking: the allow list's hosts (root hook, so every path), then in the protected context the
// failed-login limit, HTTP Basic auth (@fastify/basic-auth; a header value verified good before is known
// without it: known-logins.ts) and the read-only rule. The control socket has none of this: its file mode
// (0600) is the access control, and its user is 'control-socket'.
import basicAuth from '@fastify/basic-auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from '../model/ports.ts';
import type { CredentialStore, Principal } from './credentials.ts';
import { HttpError } from './errors.ts';
import type { HostAllowList } from './host-allow.ts';
import type { LoginLimiter } from './login-limit.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SOCKET_PRINCIPAL: Principal = Object.freeze({ user: 'control-socket', readonly: false });

export type Access =
  | { transport: 'tcp'; hosts: HostAllowList; users: CredentialStore; limiter: LoginLimiter }
  | { transport: 'socket' };

/** Names in log lines: bounded and JSON-quoted, so a crafted name cannot forge or break a line. */
export function logName(user: string): string {
  return JSON.stringify(user.length > 64 ? `${user.slice(0, 64)}...` : user);
}

/** Root hook: where host entries exist, the client address must match one (else 403, before auth). */
export function hostGate(access: Access) {
  return async (request: FastifyRequest): Promise<void> => {
    if (access.transport !== 'tcp' || access.hosts.size === 0) return;
    if (!access.hosts.allows(request.socket.remoteAddress)) {
      throw new HttpError(403, 'TSM_E_HTTP_FORBIDDEN', 'your address is not in the allow list');
    }
  };
}

function readOnlyGate() {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.principal?.readonly) {
      throw new HttpError(403, 'TSM_E_HTTP_READ_ONLY', `user ${request.principal.user} is read-only`);
    }
  };
}

/** Installs authentication on the protected context (call inside the encapsulated plugin). */
export async function installAuth(ctx: FastifyInstance, access: Access, logger: Logger): Promise<void> {
  if (access.transport === 'socket') {
    ctx.addHook('onRequest', async (request) => {
      request.principal = SOCKET_PRINCIPAL;
    });
  } else {
    const { users, limiter } = access;
    ctx.addHook('onRequest', async (request) => {
      const wait = limiter.blockedFor(request.ip);
      if (wait > 0) {
        throw new HttpError(429, 'TSM_E_HTTP_TOO_MANY_LOGINS', `too many failed logins from ${request.ip}; try again in ${wait} s`, {
          'retry-after': String(wait),
        });
      }
    });
    await ctx.register(basicAuth, {
      authenticate: { realm: 'tsmonit' },
      validate: async (user, password, request) => {
        const principal = await users.check(user, password);
        if (!principal) {
          limiter.fail(request.ip);
          logger.warn(`httpd: failed login for user ${logName(user)} from ${request.ip}`);
          throw new HttpError(401, 'TSM_E_HTTP_UNAUTHORIZED', 'wrong user name or password');
        }
        const header = request.headers.authorization;
        if (typeof header === 'string') users.known.remember(header, principal);
        request.principal = principal;
      },
    });
    // A header value verified good before skips parsing and hashing; anything else takes the full check.
    ctx.addHook('onRequest', (request, reply, done) => {
      const header = request.headers.authorization;
      const known = typeof header === 'string' ? users.known.principal(header) : null;
      if (known === null) return ctx.basicAuth(request, reply, done);
      request.principal = known;
      done();
    });
  }
  ctx.addHook('onRequest', readOnlyGate());
}
