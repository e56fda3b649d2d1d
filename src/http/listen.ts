// Putting the apps on the wire: the httpd TCP listener (with TLS when ssl is set) and the control socket,
// whose http.Server the instance guard already holds (it is how a second tsmonit sees the first).
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { MonitorFacade } from '../daemon/facade.ts';
import type { HttpdConfig } from '../model/config.ts';
import { TsmonitError } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';
import { clientErrorHandler } from './errors.ts';
import { LIMITS } from './limits.ts';
import { buildServer } from './server.ts';

export async function listenHttpd(app: FastifyInstance, httpd: HttpdConfig): Promise<string> {
  try {
    await app.listen({ port: httpd.port, host: httpd.address });
  } catch (err) {
    throw new TsmonitError('TSM_E_HTTPD', `httpd: cannot listen on ${httpd.address}:${httpd.port}: ${(err as Error).message}`);
  }
  const a = app.server.address() as AddressInfo;
  const host = a.family === 'IPv6' ? `[${a.address}]` : a.address;
  return `${httpd.ssl ? 'https' : 'http'}://${host}:${a.port}`;
}

/** Every request of an existing HTTP server (the control socket's) goes to the app from now on. */
export async function serveOn(server: Server, app: FastifyInstance): Promise<void> {
  await app.ready();
  // Anything connected before the socket got mode 0600 is dropped: from here on only its owner gets in.
  server.closeAllConnections();
  server.requestTimeout = LIMITS.requestTimeoutMs;
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => app.routing(req, res));
  server.removeAllListeners('clientError');
  server.on('clientError', clientErrorHandler);
}

export interface WebServers {
  /** Where the httpd listens (http[s]://host:port), or null without httpd. */
  url: string | null;
  close(): Promise<void>;
}

export interface WebOptions {
  monitor: MonitorFacade;
  logger: Logger;
  httpd: HttpdConfig | undefined;
  /** The control socket's server (instance guard), or null when control_socket is false. */
  socket: Server | null;
  onQuit: () => void;
}

/** Starts the httpd listener and the control-socket app; throws TSM_E_HTTPD when httpd cannot start. */
export async function startWebServers(options: WebOptions): Promise<WebServers> {
  const { monitor, logger, httpd, socket, onQuit } = options;
  const apps: FastifyInstance[] = [];
  try {
    if (socket) {
      const app = await buildServer({ monitor, logger, transport: 'socket', httpd, onQuit });
      apps.push(app);
      await serveOn(socket, app);
    }
    let url: string | null = null;
    if (httpd) {
      const app = await buildServer({ monitor, logger, transport: 'tcp', httpd, onQuit });
      apps.push(app);
      url = await listenHttpd(app, httpd);
    }
    return { url, close: () => closeAll(apps) };
  } catch (err) {
    await closeAll(apps);
    throw err;
  }
}

async function closeAll(apps: FastifyInstance[]): Promise<void> {
  await Promise.allSettled(apps.map((a) => a.close()));
}
