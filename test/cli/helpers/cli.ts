// The built tsmonit binary, run as a user runs it: a daemon process, and CLI commands against it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { FIXTURES, freePort, kill, killPidfiles, ROOT } from '../../helpers/processes.ts';
import { waitFor } from '../../helpers/wait.ts';
import { ensureBuilt } from './build.ts';

export const CLI_FIXTURES = `${ROOT}test/cli/fixtures`;

// The binary is the thing under test: these helpers import no source module (a test must not depend
// on loading src/ in-process).
export function tempDir(prefix = 'tsmonit-cli-'): string {
  return mkdtempSync(join(os.tmpdir(), prefix));
}

function fill(template: string, values: Record<string, string>): string {
  return Object.entries(values).reduce((text, [key, value]) => text.replaceAll(`\${${key}}`, value), template);
}
export const ADMIN = { user: 'admin', password: 's3cret' };

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsmonit ARGS` (the build, from bin/) to completion. */
export function tsmonit(args: readonly string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliRun> {
  ensureBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/tsmonit.js`, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, TSMONIT_RUN: 'dist', NO_COLOR: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tsmonit ${args.join(' ')} did not finish within ${options.timeoutMs ?? 60000} ms\n${stderr}`));
    }, options.timeoutMs ?? 60000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface Daemon {
  dir: string;
  file: string;
  port: number;
  socket: string;
  child: ChildProcess;
  stderr(): string;
  /** GET over httpd (Basic auth): the API as a browser or curl sees it. */
  get(path: string): Promise<{ status: number; body: string }>;
  stop(): void;
}

/**
 * A tsmonit daemon process (the build) over a YAML template; ${DIR}, ${FIXTURES}, ${NODE}, ${CLI_FIXTURES},
 * ${PORT} (httpd) and ${FREE} (another free port) are filled in. httpd has admin:s3cret and a control socket.
 */
export async function startDaemon(checks: string, options: { controlSocket?: boolean; extraPort?: number } = {}): Promise<Daemon> {
  ensureBuilt();
  const dir = tempDir();
  const port = await freePort();
  const socket = join(dir, 'tsmonit.sock');
  const file = join(dir, 'monitrc.yml');
  const yaml = `
daemon: 1s
log: ${dir}/tsmonit.log
pidfile: ${dir}/tsmonit.pid
statefile: ${dir}/state.json
control_socket: ${options.controlSocket === false ? 'false' : socket}
limits:
  start_timeout: 20s
  stop_timeout: 20s
httpd:
  port: ${port}
  address: 127.0.0.1
  allow:
    - ${ADMIN.user}:${ADMIN.password}
    - guest:guest readonly
checks:
${checks}`;
  const values = { DIR: dir, FIXTURES, NODE: process.execPath, CLI_FIXTURES, PORT: String(port), FREE: String(options.extraPort ?? 0) };
  writeFileSync(file, fill(yaml, values), { mode: 0o600 });
  const child = spawn(process.execPath, [`${ROOT}bin/tsmonit.js`, '-c', file], {
    cwd: ROOT, env: { ...process.env, TSMONIT_RUN: 'dist' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const auth = `Basic ${Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64')}`;
  const get = async (path: string) => {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, { headers: { authorization: auth } });
    return { status: r.status, body: await r.text() };
  };
  const daemon: Daemon = {
    dir, file, port, socket, child, get, stderr: () => err,
    stop() {
      kill(child.pid ?? null);
      killPidfiles(...readdirSync(dir).filter((f) => f.endsWith('.pid') && f !== 'tsmonit.pid').map((f) => join(dir, f)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitFor('the daemon has checked every service once', async () => {
      const r = await get('/api/v1/services');
      if (r.status !== 200) return false;
      return (JSON.parse(r.body) as { services: Array<{ lastCheck: string | null }> }).services.every((s) => s.lastCheck !== null);
    }, { timeoutMs: 30000, intervalMs: 100 });
  } catch (e) {
    daemon.stop();
    throw new Error(`${(e as Error).message}\n${err}`, { cause: e });
  }
  return daemon;
}

/** stderr is exactly one line and carries no stack trace. */
export function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  if (lines.length !== 1 || /^\s+at /m.test(stderr)) throw new Error(`expected one line on stderr, got:\n${stderr}`);
  return lines[0]!;
}

export { FIXTURES };
