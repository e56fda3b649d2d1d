export { createProber, defaultProbes, type ProberOptions } from './prober.ts';
export { probeKey } from './probe-key.ts';
export { tcpConnectProbe } from './tcp.ts';
export { streamProbe, type Dialog, type DialogRun, type StreamProtocol } from './stream-probe.ts';
export type { DatagramFactory, ProbeFn, ProbeIo, ProbeRegistry, SocketFactory } from './types.ts';
