// Every probe this build has, keyed as probeKey() names tests: stream protocols over tcp and tcpssl
// (TLS is implicit, or the protocol's STARTTLS on its ports), UDP, url and ping.
import { ftp } from './ftp.ts';
import { generic } from './generic.ts';
import { http, https } from './http.ts';
import { imap, imaps } from './imap.ts';
import { memcache } from './memcache.ts';
import { mysql, mysqls } from './mysql.ts';
import { pgsql } from './pgsql.ts';
import { pingProbe } from './ping.ts';
import { pop, pops } from './pop.ts';
import { redis } from './redis.ts';
import { smtp, smtps } from './smtp.ts';
import { ssh } from './ssh.ts';
import { streamProbe, type StreamProtocol } from './stream-probe.ts';
import { tcpConnectProbe } from './tcp.ts';
import type { ProbeFn, ProbeRegistry } from './types.ts';
import { udpProbe } from './udp.ts';
import { urlProbe } from './url.ts';

/** `type tcpssl` without a protocol: the TLS handshake (and certificate options) is the test. */
const tlsOnly: StreamProtocol = { label: 'TLS', dialog: async (conv) => `handshake completed (${conv.tls?.getProtocol() ?? 'TLS'})` };

export const STREAM_PROTOCOLS: Readonly<Record<string, StreamProtocol>> = {
  generic, http, https, memcache, redis, smtp, smtps, ssh, ftp, imap, imaps, pop, pops, pgsql, mysql, mysqls,
};

function buildRegistry(): ProbeRegistry {
  const registry: Record<string, ProbeFn> = {
    'tcp:default': tcpConnectProbe,
    'tcpssl:default': streamProbe(tlsOnly),
    'udp:default': udpProbe,
    'udp:generic': udpProbe,
    ping: pingProbe,
  };
  for (const [name, protocol] of Object.entries(STREAM_PROTOCOLS)) {
    const probe = streamProbe(protocol);
    registry[`tcp:${name}`] = probe;
    registry[`tcpssl:${name}`] = probe;
  }
  registry.url = urlProbe(registry['tcp:http'] as ProbeFn, registry['tcp:https'] as ProbeFn);
  return registry;
}

export const defaultProbes: ProbeRegistry = buildRegistry();
