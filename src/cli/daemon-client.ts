// HTTP to the running daemon: over its control socket or httpd (Basic auth, TLS pinned to the configured
// certificate). No Origin header, so the daemon treats it as a non-browser client (no CSRF token needed).
import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest, type RequestOptions as HttpsOptions } from 'node:https';
import { CliError } from './cli-error.ts';
import { describeEndpoint, type Endpoint } from './endpoints.ts';

export interface Reply {
  status: number;
  body: string;
}

interface Unreachable {
  endpoint: Endpoint;
  reason: string;
  /** Nothing listens there: the daemon is not running (as opposed to: something refused us). */
  absent: boolean;
}

const ABSENT = new Set(['ENOENT', 'ECONNREFUSED', 'ENOTSOCK']);
const STARTING_RETRY_MS = 200;
const STARTING_PATIENCE_MS = 10_000;
export const DEFAULT_TIMEOUT_MS = 30_000;

class ConnectFailure extends Error {
  constructor(readonly detail: Unreachable) {
    super(detail.reason);
  }
}

function options(e: Endpoint, method: string, path: string, headers: Record<string, string>): RequestOptions | HttpsOptions {
  // A connection per request (agent: false): a kept-alive socket to a daemon that has since quit or
  // restarted would fail with EPIPE instead of saying what happened.
  if (e.kind === 'socket') return { socketPath: e.path, method, path, headers, agent: false };
  const auth = e.auth ? { authorization: `Basic ${Buffer.from(`${e.auth.user}:${e.auth.password}`).toString('base64')}` } : {};
  const base = { host: e.host, port: e.port, method, path, headers: { ...headers, ...auth }, agent: false };
  if (!e.tlsCert) return base;
  let ca: Buffer;
  try {
    ca = readFileSync(e.tlsCert);
  } catch (err) {
    throw new CliError(`cannot read the httpd certificate ${e.tlsCert} to verify the daemon: ${(err as Error).message}`);
  }
  // Trust exactly the configured certificate, whatever name it carries (often self-signed for localhost).
  return { ...base, ca, checkServerIdentity: () => undefined };
}

function send(e: Endpoint, method: string, path: string, body: string | undefined, timeoutMs: number): Promise<Reply> {
  const headers: Record<string, string> = { accept: 'application/json, text/plain' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const opts = options(e, method, path, headers);
  const request = e.kind === 'tcp' && e.tlsCert ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let connected = false;
    const req = request(opts, (res: IncomingMessage) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', (err) => reject(new CliError(`lost the connection to the daemon: ${err.message}`)));
    });
    req.on('socket', (socket) => socket.once(e.kind === 'tcp' && e.tlsCert ? 'secureConnect' : 'connect', () => (connected = true)));
    req.setTimeout(timeoutMs, () => req.destroy(new CliError(`the daemon did not answer within ${Math.round(timeoutMs / 1000)} s`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof CliError) return reject(err);
      if (connected) return reject(new CliError(`lost the connection to the daemon: ${err.message}`));
      const absent = ABSENT.has(err.code ?? '');
      reject(new ConnectFailure({ endpoint: e, reason: absent ? 'nothing answers' : err.message, absent }));
    });
    req.end(body);
  });
}

/** Nothing listens on any endpoint (validate then works in-process). */
export class DaemonNotRunning extends CliError {}

function notReached(failures: readonly Unreachable[]): CliError {
  const where = failures.map((f) => describeEndpoint(f.endpoint)).join(' nor on ');
  if (failures.every((f) => f.absent)) return new DaemonNotRunning(`the tsmonit daemon is not running (nothing answers on ${where})`);
  return new CliError(`cannot reach the tsmonit daemon: ${failures.map((f) => `${describeEndpoint(f.endpoint)}: ${f.reason}`).join('; ')}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class DaemonClient {
  private live: Endpoint | null = null;

  constructor(private readonly endpoints: readonly Endpoint[]) {
    if (endpoints.length === 0) {
      throw new CliError('the control file sets neither control_socket nor httpd: the CLI has no way to reach the daemon');
    }
  }

  /** Which endpoint answered (after the first request). */
  get endpoint(): Endpoint | null {
    return this.live;
  }

  /** A raw exchange; tries each endpoint until one answers, then sticks to it. 503 while starting is retried. */
  async exchange(method: string, path: string, body?: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<Reply> {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const deadline = Date.now() + STARTING_PATIENCE_MS;
    for (;;) {
      const reply = await this.once(method, path, text, timeoutMs);
      if (reply.status !== 503 || Date.now() > deadline) return reply;
      await sleep(STARTING_RETRY_MS);
    }
  }

  private async once(method: string, path: string, body: string | undefined, timeoutMs: number): Promise<Reply> {
    if (this.live) {
      try {
        return await send(this.live, method, path, body, timeoutMs);
      } catch (err) {
        throw err instanceof ConnectFailure ? notReached([err.detail]) : err;
      }
    }
    const failures: Unreachable[] = [];
    for (const e of this.endpoints) {
      try {
        const reply = await send(e, method, path, body, timeoutMs);
        this.live = e;
        return reply;
      } catch (err) {
        if (!(err instanceof ConnectFailure)) throw err;
        failures.push(err.detail);
      }
    }
    throw notReached(failures);
  }

  /** A request whose answer must be 2xx; the daemon's error message otherwise. */
  async json<T>(method: string, path: string, body?: unknown, timeoutMs?: number): Promise<T> {
    const reply = await this.exchange(method, path, body, timeoutMs);
    if (reply.status < 200 || reply.status > 299) throw this.refusal(reply);
    try {
      return JSON.parse(reply.body) as T;
    } catch {
      throw new CliError(`the daemon answered ${method} ${path} with something that is not JSON`);
    }
  }

  /** The daemon's JSON error `{ message }` as one line; 401 names the user the CLI sent. */
  refusal(reply: Reply): CliError {
    const e = this.live;
    if (reply.status === 401 && e?.kind === 'tcp') {
      const where = describeEndpoint(e);
      return new CliError(e.auth
        ? `wrong user name or password: ${where} refused user "${e.auth.user}" from the control file`
        : `${where} needs a user, and the control file has no cleartext user:password entry for the CLI`);
    }
    let message: string | undefined;
    try {
      message = (JSON.parse(reply.body) as { message?: unknown }).message as string | undefined;
    } catch {
      message = undefined;
    }
    return new CliError(typeof message === 'string' && message !== '' ? message : `the daemon answered HTTP ${reply.status}`);
  }
}
