// Connection tests (port, unix socket, url, ping): the daemon probes, the engine judges the result.
import type { ProbeResult } from '../model/observation.ts';
import type { ConnectionTest } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';
import { compare } from './operators.ts';
import { skip, type Figures, type Outcome } from './outcome.ts';
import { formatNumber } from './units.ts';

function defaultHost(spec: ServiceSpec): string {
  return spec.type === 'host' ? spec.address : 'localhost';
}

/** Where the test connects, as messages show it: "localhost:11211", "/run/x.sock", the url. */
export function connectionWhere(spec: ServiceSpec, test: ConnectionTest): string {
  const t = test.target;
  switch (t.type) {
    case 'port':
      return `${t.host ?? defaultHost(spec)}:${t.port}`;
    case 'unix':
      return t.path;
    case 'url':
      return t.url;
    case 'ping':
      return defaultHost(spec);
  }
}

/** The protocol as monit names it in brackets: [TCP], [MEMCACHE], [HTTP]. */
export function connectionProtocol(test: ConnectionTest): string {
  if (test.protocol && test.protocol.name !== 'generic') return test.protocol.name.toUpperCase();
  const t = test.target;
  switch (t.type) {
    case 'port':
      return t.socket.toUpperCase();
    case 'unix':
      return t.socket === 'udp' ? 'UNIX/UDP' : 'UNIX';
    case 'url':
      return t.url.toLowerCase().startsWith('https:') ? 'HTTPS' : 'HTTP';
    case 'ping':
      return 'ICMP';
  }
}

function timeText(ms: number | null): string {
  return ms === null ? '' : ` in ${formatNumber(ms, 3)} ms`;
}

export function connectionOutcome(spec: ServiceSpec, test: ConnectionTest, probe: ProbeResult | undefined): Outcome {
  if (!probe || probe.skipped) return skip(probe?.message);
  const where = connectionWhere(spec, test);
  const proto = connectionProtocol(test);
  const ping = test.target.type === 'ping';
  const figures: Figures = { responseTimeMs: probe.responseTimeMs };
  if (!probe.ok) {
    const message = ping
      ? `ping test failed for ${where} -- ${probe.message}`
      : `failed protocol test [${proto}] at ${where} -- ${probe.message}`;
    return { kind: 'result', failed: true, message, figures };
  }
  const rt = test.responseTime;
  if (rt && probe.responseTimeMs !== null) {
    figures['limit'] = rt.ms;
    // An expectation inside a connection test: it fails when the expression is false.
    if (!compare(rt.op, probe.responseTimeMs, rt.ms)) {
      const message = `response time ${formatNumber(probe.responseTimeMs, 3)} ms does not satisfy [responsetime ${rt.op} ${rt.ms} ms] at ${where} [${proto}]`;
      return { kind: 'result', failed: true, message, figures };
    }
  }
  const message = ping
    ? `ping test succeeded for ${where}${timeText(probe.responseTimeMs)}`
    : `connection succeeded to ${where} [${proto}]${timeText(probe.responseTimeMs)}`;
  return { kind: 'result', failed: false, message, figures };
}
