// Where a test connects, as net.connect options and as text for messages.
import type { NetConnectOpts } from 'node:net';
import type { ProbeContext } from '../../model/ports.ts';
import type { PortTarget, UnixTarget } from '../../model/rule.ts';

export interface Endpoint {
  options: NetConnectOpts;
  /** "127.0.0.1:80", "[::1]:80", "/run/app.sock". */
  label: string;
  /** "TCP" or "UNIX", for messages. */
  kind: string;
}

export function endpointOf(target: PortTarget | UnixTarget, context: ProbeContext): Endpoint {
  if (target.type === 'unix') return { options: { path: target.path }, label: target.path, kind: 'UNIX' };
  const host = target.host ?? context.defaultHost;
  const family = target.family === 'ipv4' ? 4 : target.family === 'ipv6' ? 6 : undefined;
  const label = host.includes(':') ? `[${host}]:${target.port}` : `${host}:${target.port}`;
  return { options: { host, port: target.port, ...(family ? { family } : {}) }, label, kind: 'TCP' };
}
