// Host entries of `httpd.allow`: addresses, CIDR, address/netmask and host names, the names resolved
// once at start as monit does. A client matches when its address (IPv4-mapped IPv6 unwrapped) is in one.
import { lookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import type { Logger } from '../model/ports.ts';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

export type Resolver = (name: string) => Promise<string[]>;

export const dnsResolver: Resolver = async (name) => (await lookup(name, { all: true })).map((a) => a.address);

function range(address: Address, bits?: number): Range {
  return [address, bits ?? (address.kind() === 'ipv4' ? 32 : 128)];
}

/** A literal entry as a range, or null when it is a host name. */
export function parseHostEntry(entry: string): Range | null {
  if (ipaddr.isValid(entry)) return range(ipaddr.parse(entry));
  const slash = entry.indexOf('/');
  if (slash < 0) return null;
  const addr = entry.slice(0, slash);
  const mask = entry.slice(slash + 1);
  if (!ipaddr.isValid(addr)) return null;
  if (/^\d+$/.test(mask)) return ipaddr.parseCIDR(entry) as Range;
  if (ipaddr.IPv4.isValidFourPartDecimal(mask)) {
    const bits = ipaddr.IPv4.parse(mask).prefixLengthFromSubnetMask();
    if (bits !== null) return range(ipaddr.parse(addr), bits);
  }
  return null;
}

export class HostAllowList {
  private constructor(private readonly ranges: Range[]) {}

  /** Resolves names now; a name that does not resolve is logged and left out (it allows nobody). */
  static async create(entries: readonly string[], logger: Logger, resolve: Resolver = dnsResolver): Promise<HostAllowList> {
    const ranges: Range[] = [];
    for (const entry of entries) {
      const literal = parseHostEntry(entry);
      if (literal) {
        ranges.push(literal);
        continue;
      }
      try {
        const addresses = await resolve(entry);
        for (const a of addresses) if (ipaddr.isValid(a)) ranges.push(range(ipaddr.process(a)));
      } catch (err) {
        logger.warn(`httpd: allow ${entry}: the name does not resolve (${(err as Error).message}); it allows nobody`);
      }
    }
    return new HostAllowList(ranges);
  }

  get size(): number {
    return this.ranges.length;
  }

  allows(clientAddress: string | undefined): boolean {
    if (!clientAddress || !ipaddr.isValid(clientAddress)) return false;
    const client = ipaddr.process(clientAddress);
    return this.ranges.some(([net, bits]) => {
      if (net.kind() !== client.kind()) {
        // An IPv4 client may be named by an IPv4-mapped IPv6 entry (::ffff:10.0.0.0/104).
        if (net.kind() === 'ipv6' && (net as ipaddr.IPv6).isIPv4MappedAddress() && client.kind() === 'ipv4') {
          return (client as ipaddr.IPv4).toIPv4MappedAddress().match(net as ipaddr.IPv6, bits);
        }
        return false;
      }
      return client.match(net, bits);
    });
  }
}
