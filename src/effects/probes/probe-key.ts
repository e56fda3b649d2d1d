// Which probe serves a connection test: transport and protocol, e.g. 'tcp:default', 'udp:default',
// 'tcpssl:http'; url and ping targets have their own keys; a unix datagram socket is 'unixgram:...'.
import type { ConnectionTest } from '../../model/rule.ts';

export function probeKey(test: ConnectionTest): string {
  const { target } = test;
  if (target.type === 'url' || target.type === 'ping') return target.type;
  const protocol = test.protocol?.name ?? 'default';
  const transport = target.type === 'unix' && target.socket === 'udp' ? 'unixgram' : target.socket;
  return `${transport}:${protocol}`;
}
