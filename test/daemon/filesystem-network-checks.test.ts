// check filesystem and check network in a running daemon over the real kernel figures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

test('filesystem: space and inode figures, thresholds both ways, the implicit fsflags rule stays quiet', async (t) => {
  const h = await startMonitor(daemonYaml('200ms', `
checks:
  - filesystem: tmpfs-or-root
    path: \${DIR}
    rules:
      - if space usage > 0% then alert
      - if space free < 1 B then alert
      - if inode usage > 100% then alert
  - filesystem: absent
    path: \${DIR}/not-mounted-anywhere
`));
  t.after(() => h.cleanup());
  const s = await waitFor('first figures', () => {
    const x = h.monitor.service('tmpfs-or-root');
    return x?.filesystem?.space && x.status !== 'Initializing' ? x : null;
  });
  const space = s.filesystem!.space!;
  assert.ok(space.total > 0 && space.used > 0 && space.used <= space.total, JSON.stringify(space));
  assert.ok(space.percent > 0 && space.percent <= 100);
  assert.match(s.filesystem!.flags ?? '', /^(rw|ro)\b/);
  assert.deepEqual(s.failures, ['resource'], 'only the "usage > 0%" rule matches');
  assert.match(h.events('tmpfs-or-root').find((e) => e.kind === 'resource')?.message ?? '', /^space usage [\d.]+% on .* matches resource limit \[space > 0%\]$/);
  assert.ok(!h.events('tmpfs-or-root').some((e) => e.kind === 'fsflags'), 'flags did not change');
  await waitFor('a path nobody mounted does not exist', () => h.monitor.service('absent')?.status === 'Does not exist');
});

test('network: loopback link up, counters and rates after two samples', async (t) => {
  const h = await startMonitor(daemonYaml('200ms', `
checks:
  - network: loopback
    interface: lo
    rules:
      - if download > 10 GB/s then alert
      - if upload > 1000000000 packets/s then alert
  - network: ghost
    interface: tsmonit-nonexistent0
`));
  t.after(() => h.cleanup());
  const s = await waitFor('rates measured', () => {
    const x = h.monitor.service('loopback');
    return x?.network?.download.bytesPerSecond !== null && x?.network?.download.bytesPerSecond !== undefined ? x : null;
  });
  assert.equal(s.network?.link, 'up');
  assert.equal(s.status, 'OK');
  assert.ok((s.network?.download.bytesTotal ?? -1) >= 0);
  assert.ok((s.network?.upload.bytesPerSecond ?? -1) >= 0);
  // An interface that does not exist trips the implicit `if link down then alert`.
  await waitFor('missing interface: link down', () => h.monitor.service('ghost')?.status === 'Link down');
  assert.match(h.events('ghost').find((e) => e.kind === 'link')?.message ?? '', /there is no interface tsmonit-nonexistent0/);
});
