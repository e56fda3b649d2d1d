// The fastify app factory: builds the whole server and never listens (listen.ts does). Root level: limits,
// security headers, the host allow list, JSON errors. One encapsulated context owns every route and
// carries authentication, the read-only rule and CSRF, so no route can be registered outside it by mistake.
import { constants } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { MonitorFacade } from '../daemon/facade.ts';
import type { HttpdConfig } from '../model/config.ts';
import { TsmonitError } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';
import { hostGate, installAuth, type Access } from './auth.ts';
import { CredentialStore } from './credentials.ts';
import { installCsrf } from './csrf.ts';
import { clientErrorHandler, errorBody, errorHandler, notFoundHandler } from './errors.ts';
import { safeJson } from './escape.ts';
import { EventStreams } from './event-stream.ts';
import { dashboardRoutes } from './dashboard.ts';
import { HostAllowList, type Resolver } from './host-allow.ts';
import { LIMITS, requestLimits } from './limits.ts';
import { LoginLimiter } from './login-limit.ts';
import { METRICS_CONTENT_TYPE, Metrics } from './metrics.ts';
import { apiRoutes } from './routes-api.ts';
import { monitRoutes } from './routes-monit.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { parseForm } from './url-encoding.ts';
import { loadWebAssets } from './web-assets.ts';

export interface BuildOptions {
  monitor: MonitorFacade;
  logger: Logger;
  /** 'tcp' (default): allow list, Basic auth, TLS from httpd. 'socket': the control socket, no auth. */
  transport?: 'tcp' | 'socket';
  /** Required for 'tcp'; on the socket only shown in /_status?format=xml. */
  httpd?: HttpdConfig;
  /** After POST /api/v1/daemon/quit was answered; default: monitor.quit(). */
  onQuit?: () => void;
  /** Host-name resolution for allow entries (tests); default: DNS at start. */
  resolve?: Resolver;
  /** Clock for the failed-login window and the credential cache (tests). */
  now?: () => number;
}

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

async function readTls(ssl: HttpdConfig['ssl']): Promise<TlsFiles | null> {
  if (!ssl) return null;
  try {
    return { cert: await readFile(ssl.cert), key: await readFile(ssl.key) };
  } catch (err) {
    throw new TsmonitError('TSM_E_HTTPD', `httpd: cannot read ssl cert or key: ${(err as Error).message}`);
  }
}

async function access(options: BuildOptions): Promise<Access> {
  if (options.transport === 'socket') return { transport: 'socket' };
  const httpd = options.httpd;
  if (!httpd) throw new TsmonitError('TSM_E_HTTPD', 'httpd: a TCP listener needs the httpd section');
  const hosts = await HostAllowList.create(httpd.allow.flatMap((a) => (a.kind === 'host' ? [a.value] : [])), options.logger, options.resolve);
  const users = await CredentialStore.create(httpd.allow, options.logger, options.now);
  if (users.size === 0) {
    throw new TsmonitError('TSM_E_HTTPD', 'httpd: a TCP listener needs at least one user in allow (user:password or htpasswd); not started');
  }
  return { transport: 'tcp', hosts, users, limiter: new LoginLimiter(httpd.loginLimit, options.now) };
}

function fastifyOptions(tls: TlsFiles | null): FastifyServerOptions {
  const http = { maxHeaderSize: LIMITS.headerBytes };
  const https = tls && {
    ...http, cert: tls.cert, key: tls.key, minVersion: 'TLSv1.2' as const,
    secureOptions: constants.SSL_OP_NO_RENEGOTIATION ?? 0,
  };
  return {
    logger: false,
    bodyLimit: LIMITS.bodyBytes,
    requestTimeout: LIMITS.requestTimeoutMs,
    forceCloseConnections: true,
    return503OnClosing: true,
    clientErrorHandler,
    routerOptions: {
      maxParamLength: LIMITS.paramLength,
      // Lenient here (it runs inside the router); requestLimits refuses malformed escapes with a 400.
      querystringParser: (q: string) => {
        try {
          return parseForm(q, 'query');
        } catch {
          return {};
        }
      },
    },
    // A path the router cannot decode: answered before any hook runs.
    frameworkErrors: (err: Error, _request: FastifyRequest, reply: FastifyReply) => {
      void reply.code(400).header('x-content-type-options', 'nosniff').type('application/json; charset=utf-8')
        .send(errorBody(400, 'TSM_E_HTTP_BAD_REQUEST', /URL|url/.test(err.message) ? 'malformed percent-encoding in the path' : 'bad request'));
    },
    ...(https ? { https } : { http }),
  } as FastifyServerOptions;
}

function rootPlugins(app: FastifyInstance, logger: Logger, tls: boolean, acc: Access): void {
  installSecurityHeaders(app, tls);
  app.decorateRequest('principal', null);
  app.addHook('onRequest', requestLimits);
  app.addHook('onRequest', hostGate(acc));
  app.setReplySerializer((payload) => safeJson(payload));
  app.setErrorHandler(errorHandler(logger));
  app.setNotFoundHandler(notFoundHandler);
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, text, done) => {
    try {
      done(null, parseForm(text as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
}

export async function buildServer(options: BuildOptions): Promise<FastifyInstance> {
  const { monitor, logger } = options;
  const acc = await access(options);
  const tls = acc.transport === 'tcp' ? await readTls(options.httpd?.ssl) : null;
  const app = Fastify(fastifyOptions(tls)) as unknown as FastifyInstance;
  rootPlugins(app, logger, tls !== null, acc);
  const assets = await loadWebAssets();
  const streams = new EventStreams(monitor);
  const metrics = new Metrics(monitor);
  // Streams end cleanly before the listener closes its connections.
  app.addHook('preClose', async () => streams.closeAll());
  app.addHook('onClose', async () => metrics.close());
  await app.register(async (ctx) => {
    await installAuth(ctx, acc, logger);
    if (acc.transport === 'tcp') installCsrf(ctx, { tls: tls !== null });
    dashboardRoutes(ctx, monitor, assets);
    apiRoutes(ctx, { monitor, streams, onQuit: options.onQuit ?? (() => void monitor.quit()) });
    monitRoutes(ctx, { monitor, httpd: options.httpd });
    ctx.get('/metrics', async (_request, reply) => reply.type(METRICS_CONTENT_TYPE).send(await metrics.text()));
  });
  return app;
}
