// The Prober: picks the probe for a test, applies its timeout and `retry N`, never throws.
import { createSocket } from 'node:dgram';
import { connect as netConnect } from 'node:net';
import type { ProbeResult } from '../../model/observation.ts';
import type { ProbeContext, Prober } from '../../model/ports.ts';
import type { ConnectionTest } from '../../model/rule.ts';
import { probeKey } from './probe-key.ts';
import { defaultProbes } from './registry.ts';
import type { DatagramFactory, ProbeIo, ProbeRegistry, SocketFactory } from './types.ts';

export { defaultProbes };

const FALLBACK_TIMEOUT_MS = 5000;

export interface ProberOptions {
  connect?: SocketFactory;
  datagram?: DatagramFactory;
  pingCommand?: string;
  registry?: ProbeRegistry;
}

export function createProber(options: ProberOptions = {}): Prober {
  const registry = options.registry ?? defaultProbes;
  const io: ProbeIo = {
    connect: options.connect ?? ((opts) => netConnect(opts)),
    datagram: options.datagram ?? ((type) => createSocket(type)),
    pingCommand: options.pingCommand ?? 'ping',
  };
  return {
    supports: (test) => Object.hasOwn(registry, probeKey(test)),
    async probe(test, context) {
      const probe = registry[probeKey(test)];
      if (!probe) return { ok: false, responseTimeMs: null, message: `${probeKey(test)} tests are not supported yet`, skipped: true };
      // The rule's own `timeout N seconds` wins over the check's default.
      const timeoutMs = test.timeoutMs ?? (context.timeoutMs > 0 ? context.timeoutMs : FALLBACK_TIMEOUT_MS);
      return attempt(test, { ...context, timeoutMs }, (t, c) => probe(t, c, io));
    },
  };
}

/** `retry N`: up to N attempts within this check; the first success wins. */
async function attempt(test: ConnectionTest, context: ProbeContext,
  once: (test: ConnectionTest, context: ProbeContext) => Promise<ProbeResult>): Promise<ProbeResult> {
  const attempts = Math.max(1, Math.floor(test.retry ?? 1));
  let last: ProbeResult = { ok: false, responseTimeMs: null, message: 'not attempted' };
  for (let n = 1; n <= attempts; n++) {
    if (context.signal?.aborted) {
      return n === 1 ? { ...last, message: 'aborted before the test ran' } : { ...last, message: `${last.message} (aborted)` };
    }
    last = await once(test, context).catch((error: unknown) => ({
      ok: false, responseTimeMs: null, message: `probe error: ${error instanceof Error ? error.message : String(error)}`,
    }));
    if (last.ok) return n > 1 ? { ...last, message: `${last.message} (attempt ${n} of ${attempts})` } : last;
  }
  return attempts > 1 ? { ...last, message: `${last.message} (${attempts} attempts)` } : last;
}
