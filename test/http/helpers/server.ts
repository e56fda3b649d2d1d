// Building test servers: inject() apps and real listeners on port 0, closed after each test.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { TestContext } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { MonitorFacade } from '../../../src/daemon/facade.ts';
import type { HttpdConfig } from '../../../src/model/config.ts';
import { listenHttpd } from '../../../src/http/listen.ts';
import { buildServer, type BuildOptions } from '../../../src/http/server.ts';
import { FakeMonitor, MemoryLogger, STANDARD_ALLOW, httpdConfig } from './fake-monitor.ts';

export interface TestServer {
  app: FastifyInstance;
  monitor: FakeMonitor;
  logger: MemoryLogger;
  httpd: HttpdConfig;
}

export async function testServer(
  t: TestContext,
  options: { httpd?: HttpdConfig; monitor?: FakeMonitor; build?: Partial<BuildOptions> } = {},
): Promise<TestServer> {
  const monitor = options.monitor ?? new FakeMonitor();
  const logger = new MemoryLogger();
  const httpd = options.httpd ?? httpdConfig(STANDARD_ALLOW);
  const app = await buildServer({ monitor, logger, httpd, ...options.build });
  t.after(() => app.close());
  return { app, monitor, logger, httpd };
}

/** Listens on 127.0.0.1, a free port; returns the port. */
export async function listening(app: FastifyInstance, httpd: HttpdConfig): Promise<number> {
  const url = await listenHttpd(app, { ...httpd, port: 0, address: '127.0.0.1' });
  return Number(new URL(url).port);
}

/** Sends raw bytes over TCP and returns everything the server answers until it closes or goes quiet. */
export function rawRequest(port: number, bytes: string | Buffer, quietMs = 300): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    const quiet = () => {
      clearTimeout(timer);
      timer = setTimeout(finish, quietMs);
    };
    socket.on('data', (d) => {
      chunks.push(d);
      quiet();
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? finish() : reject(err)));
    socket.setTimeout(5000, finish);
    socket.write(bytes, () => quiet());
  });
}

/** The status code of a raw HTTP answer, or 0 when there was none. */
export function statusOf(answer: string): number {
  const m = /^HTTP\/1\.[01] (\d{3})/.exec(answer);
  return m ? Number(m[1]) : 0;
}

export function bodyOf(answer: string): string {
  const i = answer.indexOf('\r\n\r\n');
  return i < 0 ? '' : answer.slice(i + 4);
}

/** A plain GET over a real socket (node:http), for checks that the server still serves. */
export function get(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

export type { MonitorFacade };
