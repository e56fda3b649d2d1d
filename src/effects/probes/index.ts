export { createProber, defaultProbes, type ProberOptions } from './prober.ts';
export { probeKey } from './probe-key.ts';
export { tcpConnectProbe } from './tcp.ts';
export type { ProbeFn, ProbeIo, ProbeRegistry, SocketFactory } from './types.ts';
