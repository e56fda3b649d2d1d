import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createNetworkStat } from '../../../src/effects/network/index.ts';
import { tempDir } from '../../helpers/harness.ts';

interface Iface {
  operstate: string;
  flags: string;
  carrier?: string;
  speed?: string;
  duplex?: string;
  stats?: boolean;
}

/** A /sys/class/net lookalike; attributes left out behave like the kernel's EINVAL ones (unreadable). */
function fixtureTree(t: { after(fn: () => void): void }, ifaces: Record<string, Iface>): string {
  const root = tempDir('tsmonit-sysnet-');
  t.after(() => rmSync(root, { recursive: true, force: true }));
  for (const [name, f] of Object.entries(ifaces)) {
    const dir = join(root, name);
    mkdirSync(join(dir, 'statistics'), { recursive: true });
    for (const key of ['operstate', 'flags', 'carrier', 'speed', 'duplex'] as const) {
      const value = f[key];
      if (value !== undefined) writeFileSync(join(dir, key), `${value}\n`);
    }
    if (f.stats !== false) {
      const n = { rx_bytes: 1000, tx_bytes: 2000, rx_packets: 10, tx_packets: 20, rx_errors: 1, tx_errors: 0 };
      for (const [k, v] of Object.entries(n)) writeFileSync(join(dir, 'statistics', k), `${v}\n`);
    }
  }
  return root;
}

describe('createNetworkStat on a fixture tree', () => {
  const tree = (t: { after(fn: () => void): void }) => fixtureTree(t, {
    eth0: { operstate: 'up', flags: '0x1003', carrier: '1', speed: '1000', duplex: 'full' },
    eth1: { operstate: 'down', flags: '0x1002' },
    lo: { operstate: 'unknown', flags: '0x9', carrier: '1' },
    tun0: { operstate: 'unknown', flags: '0x1091' },
    veth9: { operstate: 'lowerlayerdown', flags: '0x1003', carrier: '0', speed: '10000', duplex: 'full' },
    odd: { operstate: 'up', flags: '0x1003', carrier: '1', speed: '-1', duplex: 'unknown', stats: false },
  });
  const rows: Array<[string, boolean, number | null, string | null]> = [
    ['eth0', true, 1000, 'full'], ['eth1', false, null, null], ['lo', true, null, null], ['tun0', true, null, null],
    ['veth9', false, null, null], ['odd', true, null, null],
  ];
  for (const [name, up, speed, duplex] of rows) {
    test(`${name}: ${up ? 'up' : 'down'}, speed ${speed}, duplex ${duplex}`, async (t) => {
      const obs = await createNetworkStat({ root: tree(t), now: () => 5 }).read({ interface: name });
      assert.equal(obs.interface, name);
      assert.equal(obs.link?.up, up);
      assert.equal(obs.link?.speedMbps, speed);
      assert.equal(obs.link?.duplex, duplex);
      assert.equal(obs.rates, null, 'rates are the daemon\'s to derive');
    });
  }
  test('counters', async (t) => {
    const obs = await createNetworkStat({ root: tree(t), now: () => 5 }).read({ interface: 'eth0' });
    assert.deepEqual(obs.counters, { at: 5, rxBytes: 1000, txBytes: 2000, rxPackets: 10, txPackets: 20, rxErrors: 1, txErrors: 0 });
    const odd = await createNetworkStat({ root: tree(t) }).read({ interface: 'odd' });
    assert.equal(odd.counters, null, 'no statistics directory: no counters');
  });
  test('a missing interface, and lookup by address', async (t) => {
    const root = tree(t);
    const stat = createNetworkStat({ root, addresses: () => ({ eth0: ['192.0.2.7', 'fe80::1'], lo: ['127.0.0.1'] }) });
    const missing = await stat.read({ interface: 'eth9' });
    assert.deepEqual([missing.interface, missing.link, missing.detail], ['eth9', null, 'there is no interface eth9']);
    assert.equal((await stat.read({ address: 'FE80::1' })).interface, 'eth0');
    const nobody = await stat.read({ address: '198.51.100.1' });
    assert.equal(nobody.interface, null);
    assert.match(nobody.detail, /no interface has the address 198.51.100.1/);
  });
});

describe('createNetworkStat on this machine', () => {
  test('loopback is up and its counters match the kernel\'s', async () => {
    const obs = await createNetworkStat().read({ interface: 'lo' });
    assert.equal(obs.link?.up, true, `lo: ${JSON.stringify(obs)}`);
    const kernel = Number(readFileSync('/sys/class/net/lo/statistics/rx_packets', 'utf8'));
    assert.ok(obs.counters && obs.counters.rxPackets <= kernel + 1000 && obs.counters.rxPackets >= kernel - 1000);
    assert.equal((await createNetworkStat().read({ address: '127.0.0.1' })).interface, 'lo');
  });
});
