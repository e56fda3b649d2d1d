// UDP port tests (monit.md 2.4). Without a protocol: one byte is sent; an ICMP "port unreachable"
// (ECONNREFUSED) fails, silence or an answer passes after up to 1.2 s. With send/expect pairs: each
// send is a datagram, each expect waits for one within the deadline.
import type { Socket as DatagramSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import type { ProbeResult } from '../../model/observation.ts';
import type { ConnectionTest } from '../../model/rule.ts';
import { Deadline } from './deadline.ts';
import { expectText, sendBytes } from './escapes.ts';
import { ProbeFailure, shown } from './failure.ts';
import { judgeExpect } from './generic.ts';
import type { ProbeFn } from './types.ts';

export const UDP_SILENCE_MS = 1200;

/** Datagrams and errors of a connected UDP socket, awaited under a deadline. */
class Datagrams {
  private queue: Buffer[] = [];
  private error: string | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly socket: DatagramSocket, private readonly deadline: Deadline) {
    socket.on('message', (message: Buffer) => { this.queue.push(message); this.notify(); });
    socket.on('error', (error: NodeJS.ErrnoException) => { this.error ??= error.code ?? error.message; this.notify(); });
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  connect(port: number, address: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.socket.once('error', onError);
      this.socket.connect(port, address, () => {
        this.socket.off('error', onError);
        resolve();
      });
    });
  }

  send(data: Buffer): void {
    if (this.error === null) this.socket.send(data);
  }

  private failure(): ProbeFailure {
    const why = this.error === 'ECONNREFUSED' ? 'port unreachable (ECONNREFUSED)' : `socket error ${this.error}`;
    return new ProbeFailure(why);
  }

  /** A datagram, null when waitMs passed in silence (soft), or a failure on error/deadline. */
  async next(what: string, waitMs?: number): Promise<Buffer | null> {
    if (this.error) throw this.failure();
    const ready = this.queue.shift();
    if (ready) return ready;
    const remaining = this.deadline.remainingMs();
    const soft = waitMs !== undefined && waitMs < remaining;
    const woke = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), soft ? waitMs : remaining);
      const onAbort = (): void => resolve(false);
      this.deadline.signal?.addEventListener('abort', onAbort, { once: true });
      this.wake = () => {
        clearTimeout(timer);
        this.deadline.signal?.removeEventListener('abort', onAbort);
        resolve(true);
      };
    });
    this.wake = null;
    if (this.error) throw this.failure();
    if (woke) return this.queue.shift() ?? null;
    if (this.deadline.signal?.aborted) throw new ProbeFailure(`aborted while waiting for ${what}`);
    if (soft) return null;
    throw new ProbeFailure(`timed out after ${this.deadline.timeoutMs} ms waiting for ${what}`);
  }

  close(): void {
    try {
      this.socket.close();
    } catch {
      // already closed
    }
  }
}

function within<T>(promise: Promise<T>, deadline: Deadline, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new ProbeFailure(`timed out after ${deadline.timeoutMs} ms ${what}`)), deadline.remainingMs());
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** What was seen; silent is true when the test passed by hearing nothing (no response time then). */
async function exchange(test: ConnectionTest, link: Datagrams): Promise<{ detail: string; silent: boolean }> {
  const steps = test.protocol?.sendExpect ?? [];
  if (steps.length === 0) {
    link.send(Buffer.from([0]));
    const answer = await link.next('an answer', UDP_SILENCE_MS);
    if (answer) return { detail: `answered '${shown(answer, 40)}'`, silent: false };
    return { detail: `no port unreachable within ${UDP_SILENCE_MS} ms`, silent: true };
  }
  const seen: string[] = [];
  for (const item of steps) {
    if ('send' in item) {
      link.send(sendBytes(item.send));
      continue;
    }
    const data = (await link.next(`a datagram to match '${item.expect}'`)) ?? Buffer.alloc(0);
    judgeExpect(item.expect, data);
    seen.push(`'${shown(expectText(data), 40)}' matched '${item.expect}'`);
  }
  return seen.length > 0 ? { detail: seen.join('; '), silent: false } : { detail: 'datagrams sent', silent: true };
}

export const udpProbe: ProbeFn = async (test, context, io): Promise<ProbeResult> => {
  const { target } = test;
  if (target.type !== 'port') return { ok: false, responseTimeMs: null, message: `UDP: cannot test a ${target.type} target` };
  const host = target.host ?? context.defaultHost;
  const where = `${host.includes(':') ? `[${host}]` : host}:${target.port}`;
  const deadline = new Deadline(context.timeoutMs, context.signal);
  let link: Datagrams | null = null;
  try {
    const family = target.family === 'ipv4' ? 4 : target.family === 'ipv6' ? 6 : 0;
    const address = await within(lookup(host, { family }), deadline, `resolving ${host}`).catch((error: unknown) => {
      if (error instanceof ProbeFailure) throw error;
      throw new ProbeFailure(`cannot resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    });
    link = new Datagrams(io.datagram(address.family === 6 ? 'udp6' : 'udp4'), deadline);
    await within(link.connect(target.port, address.address), deadline, 'connecting');
    const { detail, silent } = await exchange(test, link);
    return { ok: true, responseTimeMs: silent ? null : deadline.elapsedMs(), message: `UDP: ${where} ${detail}` };
  } catch (error) {
    const why = error instanceof ProbeFailure ? error.message : `probe error: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, responseTimeMs: null, message: `UDP: ${where} ${why}` };
  } finally {
    link?.close();
  }
};
