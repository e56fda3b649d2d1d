// `ping` (monit.md 2.3): the system's ping (Debian iputils-ping) to the check's host; passes when at
// least one echo reply comes back; the response time is the average round trip.
import { spawn } from 'node:child_process';
import type { ProbeResult } from '../../model/observation.ts';
import type { ProbeFn } from './types.ts';

export const DEFAULT_PING_COUNT = 3;
export const DEFAULT_PING_SIZE = 64;
const KILL_GRACE_MS = 1000;

export interface PingArgs {
  host: string;
  count: number;
  size: number;
  timeoutMs: number;
  family?: 'ipv4' | 'ipv6';
}

/** iputils-ping arguments: numeric, COUNT echoes 0.2 s apart, each reply awaited, whole run bounded. */
export function pingArgs({ host, count, size, timeoutMs, family }: PingArgs): string[] {
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  const args = ['-n', '-q', '-c', String(count), '-i', '0.2', '-s', String(size), '-W', String(seconds), '-w', String(seconds)];
  if (family) args.push(family === 'ipv6' ? '-6' : '-4');
  return [...args, host];
}

/** Reads "N packets transmitted, M received" and "rtt min/avg/max/mdev = a/b/c/d ms". */
export function parsePingOutput(output: string): { sent: number; received: number; avgMs: number | null } | null {
  const counts = /(\d+) packets transmitted, (\d+) (?:packets )?received/.exec(output);
  if (!counts) return null;
  const rtt = /= [\d.]+\/([\d.]+)\/[\d.]+/.exec(output);
  return { sent: Number(counts[1]), received: Number(counts[2]), avgMs: rtt ? Number(rtt[1]) : null };
}

function run(command: string, args: string[], limitMs: number, signal?: AbortSignal): Promise<{ output: string; error?: string }> {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => { if (output.length < 8192) output += chunk.toString(); };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const stop = (): void => { child.kill('SIGKILL'); };
    const timer = setTimeout(stop, limitMs);
    signal?.addEventListener('abort', stop, { once: true });
    const done = (error?: string): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      resolve(error === undefined ? { output } : { output, error });
    };
    child.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    child.once('close', () => done());
  });
}

export const pingProbe: ProbeFn = async (test, context, io): Promise<ProbeResult> => {
  const { target } = test;
  if (target.type !== 'ping') return { ok: false, responseTimeMs: null, message: `PING: cannot test a ${target.type} target` };
  const host = context.defaultHost;
  const count = target.count ?? DEFAULT_PING_COUNT;
  const args = pingArgs({ host, count, size: target.size ?? DEFAULT_PING_SIZE, timeoutMs: context.timeoutMs, family: target.family });
  const { output, error } = await run(io.pingCommand, args, context.timeoutMs + KILL_GRACE_MS, context.signal);
  if (error !== undefined) {
    const hint = error === 'ENOENT' ? ' (install iputils-ping)' : '';
    return { ok: false, responseTimeMs: null, message: `PING: cannot run ${io.pingCommand}: ${error}${hint}` };
  }
  const counts = parsePingOutput(output);
  if (!counts) {
    const said = output.trim().split('\n')[0] ?? '';
    return { ok: false, responseTimeMs: null, message: `PING: ${host}: ${said || 'no output from ping'}` };
  }
  if (counts.received === 0) {
    return { ok: false, responseTimeMs: null, message: `PING: no echo reply from ${host} (0 of ${counts.sent} within ${context.timeoutMs} ms)` };
  }
  const avg = counts.avgMs === null ? '' : `, average ${counts.avgMs} ms`;
  return { ok: true, responseTimeMs: counts.avgMs, message: `PING: ${counts.received} of ${counts.sent} echo replies from ${host}${avg}` };
};
