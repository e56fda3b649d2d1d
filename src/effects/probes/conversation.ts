// A connected stream under a deadline: line, byte and burst reads, writes, and a STARTTLS upgrade.
// Every read fails with a ProbeFailure that says what it waited for and what it saw.
import type { Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { Deadline } from './deadline.ts';
import { ProbeFailure, shown } from './failure.ts';

const MAX_LINE = 8192;

export class Conversation {
  private buffer: Buffer = Buffer.alloc(0);
  private ended: string | null = null;
  private wake: (() => void) | null = null;
  private socket: Socket;
  private detach: () => void = () => undefined;
  /** The TLS socket once the stream is encrypted (implicit TLS or STARTTLS). */
  tls: TLSSocket | null = null;
  /** Called right after a STARTTLS handshake; throws a ProbeFailure when the certificate is not acceptable. */
  onSecure: (socket: TLSSocket) => void = () => undefined;

  constructor(socket: Socket, readonly deadline: Deadline) {
    this.socket = socket;
    this.attach(socket);
  }

  private attach(socket: Socket): void {
    const onData = (chunk: Buffer): void => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.notify();
    };
    const onEnd = (): void => this.finish('the server closed the connection');
    const onError = (error: NodeJS.ErrnoException): void => this.finish(`connection error: ${error.code ?? error.message}`);
    const onClose = (): void => this.finish('the connection closed');
    socket.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
    this.detach = () => {
      socket.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
    };
  }

  private finish(why: string): void {
    this.ended ??= why;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Resolves true on new data or end, false when softMs ran out; rejects at the deadline or on abort. */
  private waitFor(what: string, softMs?: number): Promise<boolean> {
    const { deadline } = this;
    return new Promise((resolve, reject) => {
      const remaining = deadline.remainingMs();
      const soft = softMs !== undefined && softMs < remaining;
      const cleanup = (): void => {
        clearTimeout(timer);
        deadline.signal?.removeEventListener('abort', onAbort);
        this.wake = null;
      };
      const onAbort = (): void => {
        cleanup();
        reject(new ProbeFailure(`aborted while waiting for ${what}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        if (soft) resolve(false);
        else reject(new ProbeFailure(`timed out after ${deadline.timeoutMs} ms waiting for ${what}${this.sawSoFar()}`));
      }, soft ? softMs : remaining);
      this.wake = () => {
        cleanup();
        resolve(true);
      };
      deadline.signal?.addEventListener('abort', onAbort, { once: true });
      if (deadline.signal?.aborted) onAbort();
    });
  }

  private sawSoFar(): string {
    return this.buffer.length > 0 ? ` (received '${shown(this.buffer)}')` : ' (nothing received)';
  }

  private endedFailure(what: string): ProbeFailure {
    const saw = this.buffer.length > 0 ? `; received '${shown(this.buffer)}'` : '';
    return new ProbeFailure(`${this.ended ?? 'the connection ended'} while waiting for ${what}${saw}`);
  }

  private take(n: number): Buffer {
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }

  write(data: string | Buffer): void {
    if (this.ended) return; // the next read reports why
    this.socket.write(data);
  }

  /** One line without its CR LF (latin1: byte = character). A line longer than 8 KiB fails. */
  async readLine(what: string): Promise<string> {
    for (;;) {
      const nl = this.buffer.indexOf(0x0a);
      if (nl > MAX_LINE || (nl < 0 && this.buffer.length > MAX_LINE)) {
        throw new ProbeFailure(`a line longer than ${MAX_LINE} bytes while waiting for ${what}`);
      }
      if (nl >= 0) {
        const line = this.take(nl + 1).toString('latin1');
        return line.replace(/\r?\n$/, '');
      }
      if (this.ended) throw this.endedFailure(what);
      await this.waitFor(what);
    }
  }

  async readBytes(n: number, what: string): Promise<Buffer> {
    while (this.buffer.length < n) {
      if (this.ended) throw this.endedFailure(what);
      await this.waitFor(what);
    }
    return this.take(n);
  }

  /**
   * monit's expect read: the first byte within the deadline, then whatever else arrives while the line
   * is busy (each pause up to idleMs), up to max bytes.
   */
  async readBurst(what: string, idleMs: number, max: number): Promise<Buffer> {
    while (this.buffer.length === 0) {
      if (this.ended) throw this.endedFailure(what);
      await this.waitFor(what);
    }
    while (this.buffer.length < max && !this.ended) {
      // Past the first byte, running out of time only ends the burst.
      const more = await this.waitFor(what, idleMs).catch(() => false);
      if (!more) break;
    }
    return this.take(Math.min(max, this.buffer.length));
  }

  /** Waits up to ms (within the deadline) for anything from the server; never fails. */
  async linger(ms: number): Promise<void> {
    if (this.buffer.length > 0 || this.ended) return;
    await this.waitFor('more data', ms).catch(() => false);
  }

  /** Until the server closes, or max bytes (then truncated is true). */
  async readToEnd(what: string, max: number): Promise<{ data: Buffer; truncated: boolean }> {
    while (!this.ended && this.buffer.length < max) await this.waitFor(what);
    const truncated = this.buffer.length >= max && !this.ended;
    return { data: this.take(Math.min(max, this.buffer.length)), truncated };
  }

  /** Upgrades the stream in place (STARTTLS). Bytes already buffered would be plaintext injection: refused. */
  async startTls(servername: string | undefined): Promise<void> {
    if (this.buffer.length > 0) throw new ProbeFailure(`unexpected data before the TLS handshake: '${shown(this.buffer)}'`);
    this.detach();
    const plain = this.socket;
    const secure = await handshake(plain, servername, this.deadline);
    this.socket = secure;
    this.tls = secure;
    this.attach(secure);
    this.onSecure(secure);
  }

  close(): void {
    this.detach();
    this.socket.on('error', () => undefined);
    this.socket.destroy();
  }
}

/** TLS client handshake over a connected socket, within the deadline. Certificates are judged by the caller. */
export function handshake(socket: Socket, servername: string | undefined, deadline: Deadline): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({ socket, rejectUnauthorized: false, ...(servername ? { servername } : {}) });
    const done = (error?: Error): void => {
      clearTimeout(timer);
      deadline.signal?.removeEventListener('abort', onAbort);
      secure.off('secureConnect', onSecure).off('error', onError).off('close', onClose);
      if (error) {
        secure.on('error', () => undefined);
        secure.destroy();
        reject(error);
      } else resolve(secure);
    };
    const onSecure = (): void => done();
    const onError = (error: NodeJS.ErrnoException & { reason?: string }): void => {
      const why = error.reason ?? error.message;
      done(new ProbeFailure(`TLS handshake failed: ${why}${error.code ? ` (${error.code})` : ''}`));
    };
    const onClose = (): void => done(new ProbeFailure('the server closed the connection during the TLS handshake'));
    const onAbort = (): void => done(new ProbeFailure('aborted during the TLS handshake'));
    const timer = setTimeout(() => done(new ProbeFailure(`timed out after ${deadline.timeoutMs} ms in the TLS handshake`)),
      deadline.remainingMs());
    secure.once('secureConnect', onSecure).once('error', onError).once('close', onClose);
    deadline.signal?.addEventListener('abort', onAbort, { once: true });
  });
}
