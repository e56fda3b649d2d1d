// The frame every stream protocol runs in: connect (TCP or unix socket), implicit TLS or STARTTLS,
// the protocol's dialog under one deadline, and a result that names the protocol. Never throws.
import { isIP } from 'node:net';
import type { ProbeResult } from '../../model/observation.ts';
import type { ProbeContext } from '../../model/ports.ts';
import type { ConnectionTest, ProtocolSpec } from '../../model/rule.ts';
import { checkCertificate } from './certificate.ts';
import { connectWithin } from './connect.ts';
import { Conversation, handshake } from './conversation.ts';
import { Deadline } from './deadline.ts';
import { endpointOf, type Endpoint } from './endpoint.ts';
import { ProbeFailure } from './failure.ts';
import type { ProbeFn } from './types.ts';

/** What a dialog knows about the test it runs. */
export interface DialogRun {
  test: ConnectionTest;
  context: ProbeContext;
  endpoint: Endpoint;
  /** The host name as configured ('localhost' for a unix socket), for Host headers and SNI. */
  host: string;
  port: number | null;
  options: ProtocolSpec['options'];
  /** SNI for TLS: the host when it is a name, not an address. */
  servername: string | undefined;
  /** TLS was asked for on a STARTTLS port: the dialog calls conv.startTls() at its protocol's point. */
  starttls: boolean;
}

/** Talks the protocol; resolves with what it saw when all is well, throws a ProbeFailure otherwise. */
export type Dialog = (conv: Conversation, run: DialogRun) => Promise<string>;

export interface StreamProtocol {
  /** As messages name it: 'HTTP', 'REDIS'. */
  label: string;
  dialog: Dialog;
  /** TLS even without `ssl` / `type tcpssl` (https, smtps, imaps, pops). */
  alwaysTls?: boolean;
  /** Ports on which a TLS request means the protocol's own STARTTLS ('all': always in-protocol). */
  starttlsPorts?: readonly number[] | 'all';
}

function failed(message: string): ProbeResult {
  return { ok: false, responseTimeMs: null, message };
}

function usesStartTls(protocol: StreamProtocol, port: number | null): boolean {
  if (protocol.starttlsPorts === 'all') return true;
  return port !== null && (protocol.starttlsPorts ?? []).includes(port);
}

export function streamProbe(protocol: StreamProtocol): ProbeFn {
  const { label } = protocol;
  return async (test, context, io) => {
    const { target } = test;
    if (target.type !== 'port' && target.type !== 'unix') return failed(`${label}: cannot test a ${target.type} target`);
    const endpoint = endpointOf(target, context);
    const host = target.type === 'port' ? target.host ?? context.defaultHost : 'localhost';
    const port = target.type === 'port' ? target.port : null;
    const wantTls = protocol.alwaysTls === true || (target.type === 'port' && target.socket === 'tcpssl');
    const starttls = wantTls && usesStartTls(protocol, port);
    const deadline = new Deadline(context.timeoutMs, context.signal);
    const outcome = await connectWithin(io.connect, endpoint, context.timeoutMs, context.signal);
    if (!outcome.ok) return failed(`${label}: ${endpoint.kind} connect to ${endpoint.label} ${outcome.reason}`);
    const servername = isIP(host) === 0 ? host : undefined;
    let conv: Conversation | null = null;
    try {
      if (wantTls && !starttls) {
        const secure = await handshake(outcome.socket, servername, deadline);
        conv = new Conversation(secure, deadline);
        conv.tls = secure;
        checkCertificate(test, secure);
      } else {
        conv = new Conversation(outcome.socket, deadline);
      }
      conv.onSecure = (secure) => checkCertificate(test, secure);
      const options = test.protocol?.options ?? {};
      const run: DialogRun = { test, context, endpoint, host, port, options, servername, starttls };
      const detail = await protocol.dialog(conv, run);
      return { ok: true, responseTimeMs: deadline.elapsedMs(), message: `${label}: ${detail}` };
    } catch (error) {
      const why = error instanceof ProbeFailure ? error.message : `probe error: ${error instanceof Error ? error.message : String(error)}`;
      return failed(`${label}: ${why}`);
    } finally {
      conv?.close();
      outcome.socket.destroy();
    }
  };
}
