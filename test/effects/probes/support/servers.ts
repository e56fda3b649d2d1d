// Real servers for probe tests: find a Debian binary, start it on a private port, stop it.
// With CI=true a missing server fails the test; elsewhere the test is skipped naming the package.
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import net from 'node:net';
import type { TestContext } from 'node:test';

const PATH_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A binary by name on the usual paths, or under /usr/lib/postgresql/N/bin for postgres tools. */
export function findBinary(name: string): string | null {
  for (const dir of PATH_DIRS) if (executable(`${dir}/${name}`)) return `${dir}/${name}`;
  try {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (executable(`/usr/lib/postgresql/${v}/bin/${name}`)) return `/usr/lib/postgresql/${v}/bin/${name}`;
  } catch {
    // no postgresql
  }
  return null;
}

/**
 * The binary, or null after skipping the test (outside CI). In CI a missing server is a failure:
 * .ci/run installs it.
 */
export function requireBinary(t: TestContext, name: string, debianPackage: string): string | null {
  const path = findBinary(name);
  if (path) return path;
  const message = `${name} is not installed (Debian package ${debianPackage})`;
  if (process.env.CI === 'true') throw new Error(`${message}; .ci/run must install it`);
  t.skip(message);
  return null;
}

/** A free TCP port on 127.0.0.1 (bound then released). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves once something accepts connections on port, or rejects after timeoutMs. */
export async function waitForPort(port: number, timeoutMs = 10_000, host = '127.0.0.1'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, host);
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on ${host}:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface Daemon {
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts a server in the foreground (it must not daemonize); stop() kills it and waits. */
export function startDaemon(command: string, args: string[], options: { uid?: number; gid?: number; cwd?: string } = {}): Daemon {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  let out = '';
  const keep = (chunk: Buffer): void => { if (out.length < 20_000) out += chunk.toString(); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  return {
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
