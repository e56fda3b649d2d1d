// Plain connect test (no protocol, or `protocol default`): TCP host:port or a unix stream socket.
import type { ProbeFn } from './types.ts';
import { connectWithin } from './connect.ts';
import { endpointOf } from './endpoint.ts';

export const tcpConnectProbe: ProbeFn = async (test, context, io) => {
  const { target } = test;
  if (target.type !== 'port' && target.type !== 'unix') {
    return { ok: false, responseTimeMs: null, message: `TCP connect cannot test a ${target.type} target` };
  }
  const endpoint = endpointOf(target, context);
  const what = `${endpoint.kind} connect to ${endpoint.label}`;
  const outcome = await connectWithin(io.connect, endpoint, context.timeoutMs, context.signal);
  if (!outcome.ok) return { ok: false, responseTimeMs: null, message: `${what} ${outcome.reason}` };
  outcome.socket.destroy();
  const ms = Math.round(outcome.elapsedMs);
  return { ok: true, responseTimeMs: outcome.elapsedMs, message: `${what} succeeded in ${ms} ms` };
};
