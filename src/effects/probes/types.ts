// The one signature every probe has, and what it may use for I/O (injectable in tests).
import type { Socket as DatagramSocket, SocketType } from 'node:dgram';
import type { NetConnectOpts, Socket } from 'node:net';
import type { ProbeResult } from '../../model/observation.ts';
import type { ProbeContext } from '../../model/ports.ts';
import type { ConnectionTest } from '../../model/rule.ts';

export type SocketFactory = (options: NetConnectOpts) => Socket;
export type DatagramFactory = (type: SocketType) => DatagramSocket;

export interface ProbeIo {
  connect: SocketFactory;
  datagram: DatagramFactory;
  /** The system's ping (iputils-ping), by name or path. */
  pingCommand: string;
}

/** One attempt; the prober adds retries, the default timeout and the never-throw guarantee. */
export type ProbeFn = (test: ConnectionTest, context: ProbeContext, io: ProbeIo) => Promise<ProbeResult>;

/** Keyed by probeKey(): `${transport}:${protocol}` ('tcp:default', 'tcp:http', ...), or 'url', 'ping'. */
export type ProbeRegistry = Readonly<Record<string, ProbeFn>>;
