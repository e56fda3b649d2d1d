import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { History, portLabel, type HistorySample } from '../../src/daemon/history.ts';

const T0 = 1_700_000_000_000;

function sample(cpu: number | null, memory: number | null, responseTimeMs: number | null = 1.5, ok = true): HistorySample {
  return { cpu, memory, ports: [{ host: 'localhost', port: 8080, type: 'TCP', protocol: 'default', ok, responseTimeMs, error: null }] };
}

describe('History: the last hour of figures per service', () => {
  test('records one sample per check, in columns, times in seconds', () => {
    const h = new History();
    h.record('web', sample(1, 100, 2), T0);
    h.record('web', sample(null, null, null, false), T0 + 5000);
    h.record('web', sample(3, 300, 4), T0 + 10_000);
    h.record('db', sample(9, 900), T0 + 10_000);
    const s = h.series('web', T0 + 10_000);
    assert.deepEqual(s.times, [T0 / 1000, T0 / 1000 + 5, T0 / 1000 + 10]);
    assert.deepEqual(s.cpu, [1, null, 3]);
    assert.deepEqual(s.memory, [100, null, 300]);
    assert.deepEqual(s.ports, [{ label: 'localhost:8080 TCP', responseMs: [2, null, 4] }]);
    assert.equal(s.windowSeconds, 3600);
    assert.deepEqual(h.series('db', T0 + 10_000).cpu, [9]);
    assert.deepEqual(h.series('nobody', T0).times, []);
  });

  test('keeps only the window: older samples are dropped', () => {
    const h = new History({ windowMs: 60_000, capacity: 60 });
    for (let i = 0; i <= 120; i++) h.record('web', sample(i, i), T0 + i * 1000);
    const s = h.series('web', T0 + 120_000);
    assert.ok(s.times[0]! >= (T0 + 60_000) / 1000, `oldest ${s.times[0]}`);
    assert.ok(s.times[0]! <= (T0 + 62_000) / 1000, `oldest ${s.times[0]}`);
    assert.equal(s.cpu.at(-1), 120);
    assert.ok(s.times.length <= 60);
  });

  test('checks faster than the spacing replace the newest sample: an hour always fits', () => {
    const h = new History({ windowMs: 10_000, capacity: 10 });
    for (let i = 0; i < 200; i++) h.record('web', sample(i, i), T0 + i * 100);
    const s = h.series('web', T0 + 19_900);
    assert.ok(s.times.length <= 11, `${s.times.length} samples`);
    assert.ok(s.times.length >= 9, `${s.times.length} samples`);
    assert.equal(s.cpu.at(-1), 199, 'the newest figure is always there');
    for (let i = 1; i < s.times.length - 1; i++) assert.ok(s.times[i]! - s.times[i - 1]! >= 1, 'kept samples are a spacing apart');
  });

  // What a system service records (usage and used memory) is status.ts historySample's: history-sample.test.ts.
  test('ports appearing later get nulls before', () => {
    const h = new History();
    h.record('web', { ...sample(1, 1), ports: [] }, T0);
    h.record('web', sample(2, 2, 7), T0 + 2000);
    assert.deepEqual(h.series('web', T0 + 2000).ports, [{ label: 'localhost:8080 TCP', responseMs: [null, 7] }]);
  });

  test('retain() forgets services a reload removed', () => {
    const h = new History();
    h.record('old', sample(1, 1), T0);
    h.retain((n) => n !== 'old');
    assert.deepEqual(h.series('old', T0).times, []);
  });

  test('port labels name host and port, a unix path, or a url', () => {
    const base = { protocol: 'default', ok: true, responseTimeMs: 1, error: null };
    assert.equal(portLabel({ ...base, host: 'db', port: 5432, type: 'TCP' }), 'db:5432 TCP');
    assert.equal(portLabel({ ...base, host: '', port: null, path: '/run/x.sock', type: 'UNIX TCP' }), '/run/x.sock UNIX TCP');
    assert.equal(portLabel({ ...base, host: 'http://x/', port: null, type: 'URL' }), 'http://x/ URL');
  });
});
