// Single instance: a second tsmonit on the same pidfile or control socket reports the first and exits 1.
// It never signals a PID: a pidfile is only trusted when /proc says the PID is a tsmonit.
import { chmod, mkdir, rm, stat } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { dirname } from 'node:path';
import { isTsmonitProcess, readPidfileOwner, removePidfile, writePidfile } from './effects/instance-lock.ts';
import { LIMITS } from './http/limits.ts';

export interface Instance {
  release(): Promise<void>;
  /** The control socket's HTTP server: answers 503 until the web layer serves it (http/listen.ts serveOn). */
  socketServer: Server | null;
}

function starting(_req: unknown, res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '1' });
  res.end(JSON.stringify({ statusCode: 503, code: 'TSM_E_HTTP_UNAVAILABLE', error: 'Service Unavailable', message: 'tsmonit is starting' }));
}

async function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ path });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(1000, () => done(false));
  });
}

export async function acquireInstance(
  pidfile: string | undefined,
  socketPath: string | false,
  selfPid: number,
): Promise<Instance | { error: string }> {
  if (socketPath && (await socketAnswers(socketPath))) {
    return { error: `tsmonit is already running (its control socket ${socketPath} answers)` };
  }
  if (pidfile) {
    const pid = await readPidfileOwner(pidfile);
    if (pid !== null && pid !== selfPid && (await isTsmonitProcess(pid))) {
      return { error: `tsmonit is already running with pid ${pid} (pidfile ${pidfile})` };
    }
    await mkdir(dirname(pidfile), { recursive: true });
    await writePidfile(pidfile, selfPid);
  }
  let socketServer: Server | null = null;
  if (socketPath) {
    await mkdir(dirname(socketPath), { recursive: true, mode: 0o700 });
    const existing = await stat(socketPath).catch(() => null);
    if (existing?.isSocket()) await rm(socketPath, { force: true }); // stale: nobody answered above
    socketServer = createServer({ maxHeaderSize: LIMITS.headerBytes }, starting);
    const server = socketServer;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => resolve());
    });
    await chmod(socketPath, 0o600);
  }
  return {
    socketServer,
    async release() {
      if (socketServer) {
        const closed = new Promise<void>((resolve) => socketServer!.close(() => resolve()));
        socketServer.closeAllConnections();
        await closed;
      }
      if (pidfile) await removePidfile(pidfile, selfPid);
    },
  };
}
