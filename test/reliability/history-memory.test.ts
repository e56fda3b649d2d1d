// The dashboard's hour of figures per service is kept in columns (daemon/history.ts, a fix from the overhead
// benchmark: one object per sample held ~100 MB at N=200 after an hour). It must stay bounded and keep the
// figures as they were recorded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { History, type HistorySample } from '../../src/daemon/history.ts';

const T0 = 1_700_000_000_000;

function sample(cpu: number, memory: number, port: boolean): HistorySample {
  return { cpu, memory, ports: port ? [{ host: 'localhost', port: 8080, type: 'TCP', protocol: 'default', ok: true, responseTimeMs: 0.37, error: null }] : [] };
}

test('an hour of 200 services at a 1 s cycle fits in a bounded, small amount of memory', () => {
  const h = new History();
  const before = process.memoryUsage();
  for (let s = 0; s < 3700; s++) {
    for (let i = 0; i < 200; i++) h.record(`svc${i}`, sample(0.1 + (s % 10), 123_456_789, i % 10 === 0), T0 + s * 1000);
  }
  const after = process.memoryUsage();
  const grownMb = (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 2 ** 20;
  // Columns: 3600 samples x (8 + 4 + 4 bytes) x 200 = 11.5 MB, plus garbage not yet collected.
  assert.ok(grownMb < 60, `history grew by ${grownMb.toFixed(1)} MB`);
  const s = h.series('svc0', T0 + 3699 * 1000);
  assert.equal(s.times.length, 3600, 'one hour of samples');
  assert.equal(s.times.at(-1), (T0 + 3699 * 1000) / 1000);
  assert.equal(s.cpu.at(-1), 9.1, 'figures come back with the digits they had');
  assert.equal(s.memory.at(-1), 123_456_800, 'memory to 7 significant digits');
  assert.deepEqual(s.ports.map((p) => [p.label, p.responseMs.at(-1)]), [['localhost:8080 TCP', 0.37]]);
  assert.deepEqual(h.series('svc1', T0 + 3699 * 1000).ports, [], 'a service without port tests has no port series');
});
