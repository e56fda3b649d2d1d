// Runs start/stop/restart/exec programs: argv without a shell, in their own process group,
// output captured up to a limit, the whole group killed on timeout or abort.
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { ProgramRunner, RunRequest, RunResult } from '../../model/ports.ts';
import { errnoText } from '../errno-text.ts';
import { resolveIdentity } from './identity.ts';
import { OutputCapture } from './output-capture.ts';
import { groupExists, signalGroup } from './process-group.ts';
import type { UserFiles } from './users.ts';

export interface ProgramRunnerOptions {
  baseEnv: Record<string, string | undefined>;
  isRoot: boolean;
  /** Between SIGTERM and SIGKILL to the group on timeout or abort. Default 1000 ms. */
  killGraceMs?: number;
  /** How long to read already-buffered output after the program exited. Default 100 ms. */
  drainMs?: number;
  userFiles?: UserFiles;
}

type Exit = { code: number | null; signal: NodeJS.Signals | null } | { error: string };

export function createProgramRunner(options: ProgramRunnerOptions): ProgramRunner {
  return { run: (request) => runProgram(options, request) };
}

async function runProgram(options: ProgramRunnerOptions, request: RunRequest): Promise<RunResult> {
  const started = performance.now();
  const failed = (error: string): RunResult => ({
    pid: null, exitCode: null, signal: null, timedOut: false, output: '',
    durationMs: performance.now() - started, error,
  });
  const [file, ...args] = request.command.argv;
  if (!file) return failed('empty command');
  if (request.signal?.aborted) return failed('aborted before start');
  const identity = await resolveIdentity(request.command, options.isRoot, options.userFiles);
  if ('error' in identity) return failed(identity.error);

  const env = buildEnv(options.baseEnv, identity.home, request.env);
  let child: ChildProcess;
  try {
    child = spawn(file, args, {
      detached: true, // setsid: the program leads its own group, so a timeout can kill all of it
      stdio: ['ignore', 'pipe', 'pipe'],
      env, uid: identity.uid, gid: identity.gid,
    });
  } catch (error) {
    return failed(errnoText(error));
  }
  if (child.pid !== undefined) notifySpawn(request, child.pid);
  return { ...(await supervise(child, request, options)), durationMs: performance.now() - started };
}

async function supervise(child: ChildProcess, request: RunRequest, options: ProgramRunnerOptions):
  Promise<Omit<RunResult, 'durationMs'>> {
  const capture = new OutputCapture(request.outputLimitBytes);
  child.stdout?.on('data', (chunk: Buffer) => capture.add(chunk));
  child.stderr?.on('data', (chunk: Buffer) => capture.add(chunk));
  // Resolve on 'exit', not 'close': a daemonizing program leaves a grandchild holding our pipes.
  const exited = new Promise<Exit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => {
      if (child.pid === undefined) resolve({ error: errnoText(error) });
    });
  });

  let leaderDone = false;
  let timedOut = false;
  let terminating: Promise<void> | null = null;
  const terminate = (): void => {
    if (child.pid === undefined || terminating) return;
    terminating = terminateGroup(child.pid, options.killGraceMs ?? 1000, () => leaderDone);
  };
  const timer = request.timeoutMs > 0
    ? setTimeout(() => { timedOut = true; terminate(); }, request.timeoutMs)
    : undefined;
  request.signal?.addEventListener('abort', terminate, { once: true });
  if (request.signal?.aborted) terminate();

  const exit = await exited;
  leaderDone = true;
  clearTimeout(timer);
  request.signal?.removeEventListener('abort', terminate);
  await terminating;
  await drain(child, options.drainMs ?? 100);

  if ('error' in exit) {
    return { pid: null, exitCode: null, signal: null, timedOut: false, output: capture.text(), error: exit.error };
  }
  return { pid: child.pid ?? null, exitCode: exit.code, signal: exit.signal, timedOut, output: capture.text() };
}

/** SIGTERM (+SIGCONT, so stopped members can act on it) to the group, SIGKILL after the grace. */
async function terminateGroup(pgid: number, graceMs: number, leaderDone: () => boolean): Promise<void> {
  signalGroup(pgid, 'SIGTERM');
  signalGroup(pgid, 'SIGCONT');
  const deadline = performance.now() + graceMs;
  while (performance.now() < deadline) {
    if (leaderDone() && !groupExists(pgid)) return;
    await delay(25);
  }
  signalGroup(pgid, 'SIGKILL');
}

/** Read what is already buffered, briefly, then let go of the pipes. */
async function drain(child: ChildProcess, ms: number): Promise<void> {
  const streams = [child.stdout, child.stderr].filter((stream) => stream !== null);
  const closed = streams.map((stream) =>
    stream.closed ? Promise.resolve() : new Promise<void>((resolve) => stream.once('close', () => resolve())));
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(closed), new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); })]);
  clearTimeout(timer);
  for (const stream of streams) stream.destroy();
}

function buildEnv(base: Record<string, string | undefined>, home: string | undefined,
  extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value;
  if (home !== undefined) env.HOME = home; // monit sets HOME for the target user
  return { ...env, ...extra };
}

/** The caller's hook must not break the run: a throwing hook is ignored. */
function notifySpawn(request: RunRequest, pid: number): void {
  try {
    request.onSpawn?.(pid);
  } catch {
    // the program runs regardless; the caller learns its pid from the result
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
