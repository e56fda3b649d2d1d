// The NetworkStat port on Linux: link state, speed, duplex and counters from /sys/class/net/IFACE.
import { readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { NetworkCounters, NetworkLink, NetworkObservation } from '../../model/observation.ts';
import type { NetworkStat } from '../../model/ports.ts';
import { errnoCode, errnoText } from '../errno-text.ts';

export interface NetworkStatOptions {
  /** Tests point this at a fixture tree. */
  root?: string;
  /** Interface name -> its addresses (default: os.networkInterfaces()). */
  addresses?: () => Record<string, string[]>;
  now?: () => number;
}

const IFF_UP = 0x1;

async function attr(dir: string, name: string): Promise<string | null> {
  try {
    return (await readFile(join(dir, name), 'utf8')).trim();
  } catch {
    return null; // e.g. carrier and speed answer EINVAL while a link is down, or on virtual links
  }
}

async function number(dir: string, name: string): Promise<number | null> {
  const text = await attr(dir, name);
  if (text === null || text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

/**
 * Up when the kernel says so; `unknown` (loopback, many virtual links) counts as up when the carrier is there, or,
 * without carrier information, when the interface is administratively up.
 */
async function link(dir: string): Promise<NetworkLink> {
  const operstate = (await attr(dir, 'operstate')) ?? 'unknown';
  const carrier = await number(dir, 'carrier');
  const flags = Number.parseInt((await attr(dir, 'flags')) ?? '0', 16);
  const up = operstate === 'up' || (operstate === 'unknown' && (carrier === null ? (flags & IFF_UP) !== 0 : carrier === 1));
  const speed = await number(dir, 'speed');
  const duplex = await attr(dir, 'duplex');
  return {
    up,
    operstate,
    speedMbps: up && speed !== null && speed > 0 ? speed : null,
    duplex: up && (duplex === 'full' || duplex === 'half') ? duplex : null,
  };
}

async function counters(dir: string, at: number): Promise<NetworkCounters | null> {
  const stats = join(dir, 'statistics');
  const names = ['rx_bytes', 'tx_bytes', 'rx_packets', 'tx_packets', 'rx_errors', 'tx_errors'] as const;
  const values = await Promise.all(names.map((n) => number(stats, n)));
  if (values.some((v) => v === null)) return null;
  const [rxBytes, txBytes, rxPackets, txPackets, rxErrors, txErrors] = values as number[];
  return { at, rxBytes: rxBytes!, txBytes: txBytes!, rxPackets: rxPackets!, txPackets: txPackets!, rxErrors: rxErrors!, txErrors: txErrors! };
}

function systemAddresses(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, infos] of Object.entries(networkInterfaces())) out[name] = (infos ?? []).map((i) => i.address);
  return out;
}

function byAddress(addresses: Record<string, string[]>, address: string): string | null {
  const wanted = address.toLowerCase();
  for (const [name, list] of Object.entries(addresses)) if (list.some((a) => a.toLowerCase() === wanted)) return name;
  return null;
}

const none = (detail: string, iface: string | null = null): NetworkObservation => ({ interface: iface, detail, link: null, counters: null, rates: null });

export function createNetworkStat(options: NetworkStatOptions = {}): NetworkStat {
  const root = options.root ?? '/sys/class/net';
  const addresses = options.addresses ?? systemAddresses;
  const now = options.now ?? Date.now;
  return {
    async read(target) {
      const name = target.interface ?? (target.address !== undefined ? byAddress(addresses(), target.address) : null);
      if (name === null) return none(target.address !== undefined ? `no interface has the address ${target.address}` : 'no interface given');
      const dir = join(root, name);
      try {
        await readFile(join(dir, 'operstate'), 'utf8');
      } catch (error) {
        return none(errnoCode(error) === 'ENOENT' ? `there is no interface ${name}` : errnoText(error), name);
      }
      const [l, c] = await Promise.all([link(dir), counters(dir, now())]);
      return { interface: name, detail: '', link: l, counters: c, rates: null };
    },
  };
}
