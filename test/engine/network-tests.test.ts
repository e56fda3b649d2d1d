import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { networkRates } from '../../src/engine/network-tests.ts';
import { observeRule } from '../../src/engine/observe-rule.ts';
import type { NetworkCounters, Observation } from '../../src/model/observation.ts';
import type { Polarity, Test } from '../../src/model/rule.ts';
import { T0, rule } from './helpers.ts';
import { netObs, networkSpec } from './check-types-helpers.ts';

const down = netObs({ link: { up: false, operstate: 'down', speedMbps: null, duplex: null } });
const gone = netObs({ interface: null, detail: 'no interface eth9', link: null, counters: null, rates: null });

const cases: Array<{ name: string; test: Test; polarity?: Polarity; obs?: Observation; expect: boolean | 'skip' | { value: string }; message?: RegExp }> = [
  { name: 'link down: up link passes', test: { kind: 'link', state: 'down' }, expect: false, message: /^eth0 link is up \(up\)$/ },
  { name: 'link down: down link fails', test: { kind: 'link', state: 'down' }, obs: down, expect: true, message: /link is down \(down\)/ },
  { name: 'link down: a missing interface fails', test: { kind: 'link', state: 'down' }, obs: gone, expect: true, message: /no link data: no interface eth9/ },
  { name: 'link up (inverted): an up link fails', test: { kind: 'link', state: 'up' }, polarity: 'succeeded', expect: true },
  { name: 'link up (inverted): a down link passes', test: { kind: 'link', state: 'up' }, polarity: 'succeeded', obs: down, expect: false },
  { name: 'changed link: capacity value', test: { kind: 'changed', target: 'link' }, expect: { value: '1000 Mb/s full duplex' } },
  { name: 'changed link without data: skipped', test: { kind: 'changed', target: 'link' }, obs: gone, expect: 'skip' },
  // 25 MB/s out on a 1000 Mb/s link = 200 Mb/s = 20%.
  { name: 'saturation over', test: { kind: 'saturation', op: '>', percent: 15 }, expect: true, message: /saturation of eth0 is 20%/ },
  { name: 'saturation under', test: { kind: 'saturation', op: '>', percent: 25 }, expect: false },
  { name: 'saturation on half duplex adds both ways', test: { kind: 'saturation', op: '>', percent: 20.5 }, obs: netObs({ link: { up: true, operstate: 'up', speedMbps: 1000, duplex: 'half' } }), expect: true },
  { name: 'saturation without speed: skipped', test: { kind: 'saturation', op: '>', percent: 1 }, obs: netObs({ link: { up: true, operstate: 'unknown', speedMbps: null, duplex: null } }), expect: 'skip' },
  { name: 'saturation while collecting: skipped', test: { kind: 'saturation', op: '>', percent: 1 }, obs: netObs({ rates: null }), expect: 'skip' },
  { name: 'upload bytes over', test: { kind: 'traffic', direction: 'upload', op: '>', value: 10 * 1024 * 1024, unit: 'bytes' }, expect: true, message: /upload rate of eth0 is 23\.8 MB\/s, matching \[upload > 10 MB\/s\]/ },
  { name: 'download bytes under', test: { kind: 'traffic', direction: 'download', op: '>', value: 10 * 1024 * 1024, unit: 'bytes' }, expect: false },
  { name: 'download packets', test: { kind: 'traffic', direction: 'download', op: '>=', value: 1000, unit: 'packets' }, expect: true, message: /1000 packets\/s/ },
  { name: 'upload while collecting: skipped', test: { kind: 'traffic', direction: 'upload', op: '>', value: 1, unit: 'bytes' }, obs: netObs({ rates: null }), expect: 'skip' },
];

describe('network tests through observeRule', () => {
  for (const c of cases) {
    test(c.name, () => {
      const r = rule(c.test, { polarity: c.polarity ?? 'failed' });
      const out = observeRule(networkSpec({ rules: [r] }), r, c.obs ?? netObs());
      if (c.expect === 'skip') return assert.equal(out.kind, 'skip');
      if (typeof c.expect === 'object') return assert.equal(out.kind === 'value' ? out.value : undefined, c.expect.value);
      assert.ok(out.kind === 'result', `expected a result, got ${out.kind}`);
      if (out.kind !== 'result') return;
      assert.equal(out.failed, c.expect);
      if (c.message) assert.match(out.message, c.message);
    });
  }
});

describe('networkRates', () => {
  const counters = (at: number, n: number): NetworkCounters => ({ at, rxBytes: n, txBytes: 2 * n, rxPackets: n / 100, txPackets: n / 50, rxErrors: 0, txErrors: 0 });
  test('per second between two reads', () => {
    assert.deepEqual(networkRates(counters(T0, 1000), counters(T0 + 2000, 5000)), { rxBytes: 2000, txBytes: 4000, rxPackets: 20, txPackets: 40 });
  });
  test('null on the first read, a counter reset, or no time between reads', () => {
    assert.equal(networkRates(undefined, counters(T0, 1)), null);
    assert.equal(networkRates(counters(T0, 5000), counters(T0 + 1000, 10)), null);
    assert.equal(networkRates(counters(T0, 1), counters(T0, 2)), null);
  });
});
