// `check network`: link down/up, changed link (speed, duplex), saturation, upload/download rates (monit.md 2.3).
import type { NetworkCounters, NetworkObservation, NetworkRates } from '../model/observation.ts';
import type { Operator } from '../model/rule.ts';
import { compare } from './operators.ts';
import { skip, type Outcome } from './outcome.ts';
import { formatBytes, formatNumber } from './units.ts';

/** Rates per second between two reads; null on the first read, a counter reset or no time between them. */
export function networkRates(previous: NetworkCounters | null | undefined, current: NetworkCounters | null): NetworkRates | null {
  if (!previous || !current) return null;
  const seconds = (current.at - previous.at) / 1000;
  if (seconds <= 0) return null;
  const keys = ['rxBytes', 'txBytes', 'rxPackets', 'txPackets'] as const;
  if (keys.some((k) => current[k] < previous[k])) return null;
  return {
    rxBytes: (current.rxBytes - previous.rxBytes) / seconds,
    txBytes: (current.txBytes - previous.txBytes) / seconds,
    rxPackets: (current.rxPackets - previous.rxPackets) / seconds,
    txPackets: (current.txPackets - previous.txPackets) / seconds,
  };
}

function label(net: NetworkObservation): string {
  return net.interface ?? 'the interface';
}

/** Fails as its kind says: `link down` when the link is down (or missing), `link up` when it is up. */
export function linkOutcome(state: 'down' | 'up', net: NetworkObservation): Outcome {
  const up = net.link?.up ?? false;
  const seen = net.link ? `link is ${up ? 'up' : 'down'} (${net.link.operstate})` : `no link data: ${net.detail}`;
  const failed = state === 'down' ? !up : up;
  return { kind: 'result', failed, message: `${label(net)} ${seen}`, figures: { up: up ? 1 : 0 } };
}

function capacity(net: NetworkObservation): string {
  const link = net.link;
  if (!link) return 'unknown';
  const speed = link.speedMbps === null ? 'unknown speed' : `${link.speedMbps} Mb/s`;
  return link.duplex === null ? speed : `${speed} ${link.duplex} duplex`;
}

export function changedLinkOutcome(net: NetworkObservation): Outcome {
  if (!net.link) return skip(`no link data: ${net.detail}`);
  const value = capacity(net);
  return {
    kind: 'value',
    value,
    message: `${label(net)} link capacity is ${value}`,
    changeMessage: (from) => `${label(net)} link capacity changed from ${String(from)} to ${value}`,
  };
}

/** The busier direction's share of the link speed (both directions together on a half-duplex link). */
export function saturationOutcome(test: { op: Operator; percent: number }, net: NetworkObservation): Outcome {
  const speed = net.link?.speedMbps ?? null;
  if (speed === null || speed <= 0) return skip(`${label(net)} does not report its link speed`);
  if (!net.rates) return skip(`${label(net)} saturation: collecting (needs a second sample)`);
  const { rxBytes, txBytes } = net.rates;
  const bytes = net.link?.duplex === 'half' ? rxBytes + txBytes : Math.max(rxBytes, txBytes);
  const percent = ((bytes * 8) / (speed * 1_000_000)) * 100;
  const failed = compare(test.op, percent, test.percent);
  const message = failed
    ? `saturation of ${label(net)} is ${formatNumber(percent)}%, matching [saturation ${test.op} ${test.percent}%]`
    : `saturation test succeeded for ${label(net)} [current saturation = ${formatNumber(percent)}%]`;
  return { kind: 'result', failed, message, figures: { saturation: Math.round(percent * 100) / 100, limit: test.percent } };
}

export function trafficOutcome(
  test: { direction: 'upload' | 'download'; op: Operator; value: number; unit: 'bytes' | 'packets' },
  net: NetworkObservation,
): Outcome {
  if (!net.counters) return skip(`no counters for ${label(net)}: ${net.detail}`);
  if (!net.rates) return skip(`${test.direction} rate of ${label(net)}: collecting (needs a second sample)`);
  const upload = test.direction === 'upload';
  const bytes = test.unit === 'bytes';
  const rate = bytes ? (upload ? net.rates.txBytes : net.rates.rxBytes) : upload ? net.rates.txPackets : net.rates.rxPackets;
  const fmt = (n: number) => (bytes ? `${formatBytes(n)}/s` : `${formatNumber(n)} packets/s`);
  const failed = compare(test.op, rate, test.value);
  const message = failed
    ? `${test.direction} rate of ${label(net)} is ${fmt(rate)}, matching [${test.direction} ${test.op} ${fmt(test.value)}]`
    : `${test.direction} test succeeded for ${label(net)} [current ${test.direction} = ${fmt(rate)}]`;
  return { kind: 'result', failed, message, figures: { [test.direction]: Math.round(rate * 100) / 100, limit: test.value } };
}
