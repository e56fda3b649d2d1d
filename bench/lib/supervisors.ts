// Starting, asking and stopping the two supervisors under test, each in the foreground with its own
// control file, pidfile, state file and web server on a private port.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import type { TsmonitCommand } from './build.ts';
import { writeControlFile, type BenchSetup } from './control-files.ts';
import { sleep, waitUntil } from './wait.ts';

export type Tool = 'tsmonit' | 'monit';

export interface Running {
  tool: Tool;
  pid: number;
  file: string;
  setup: BenchSetup;
  /** GET path with Basic auth: status code and body. */
  get(path: string): Promise<{ status: number; body: string }>;
  /** Runs the tool's CLI against this daemon: wall milliseconds and exit code. */
  cli(args: string[]): Promise<{ ms: number; code: number | null; out: string }>;
  stop(): Promise<void>;
}

export interface Tools {
  tsmonit: TsmonitCommand;
  monit: string | null;
}

function httpGet(port: number, path: string, auth: string, timeoutMs = 5000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { authorization: `Basic ${Buffer.from(auth).toString('base64')}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null; out: string }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, out }));
  });
}

async function exited(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  return Promise.race([
    new Promise<boolean>((r) => child.once('exit', () => r(true))),
    sleep(timeoutMs).then(() => false),
  ]);
}

/** Starts a tool on a setup and waits until its web server answers. */
export async function startSupervisor(tool: Tool, setup: BenchSetup, tools: Tools): Promise<Running> {
  const file = writeControlFile(tool, setup);
  const auth = `${setup.user}:${setup.password}`;
  let child: ChildProcess;
  let cliCmd: string;
  let cliPrefix: string[];
  let env: NodeJS.ProcessEnv = {};
  if (tool === 'tsmonit') {
    env = tools.tsmonit.env;
    cliCmd = process.execPath;
    cliPrefix = [...tools.tsmonit.prefix, '-c', file];
    child = spawn(process.execPath, [...tools.tsmonit.prefix, '-c', file], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  } else {
    if (!tools.monit) throw new Error('monit is not installed');
    cliCmd = tools.monit;
    cliPrefix = ['-c', file];
    child = spawn(tools.monit, ['-I', '-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const get = (path: string) => httpGet(setup.httpPort, path, auth);
  try {
    await waitUntil(`${tool} web server`, async () => {
      if (child.exitCode !== null) throw new Error('exited');
      return (await get('/_status?format=xml')).status === 200;
    }, 30000, 100);
  } catch {
    child.kill('SIGKILL');
    throw new Error(`${tool} did not start: ${stderr.slice(0, 2000)}`);
  }
  return {
    tool,
    pid: child.pid!,
    file,
    setup,
    get,
    cli: (args) => run(cliCmd, [...cliPrefix, ...args], env),
    async stop() {
      child.kill('SIGTERM');
      if (!(await exited(child, 15000))) {
        child.kill('SIGKILL');
        await exited(child, 5000);
      }
    },
  };
}
