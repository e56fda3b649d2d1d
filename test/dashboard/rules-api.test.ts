// The service page lists every rule in words from GET /api/v1/services/:name: restart limits included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

test('a restart limit is one of the rules of a service, with how many restarts it has counted', async (t) => {
  const h = await startMonitor(daemonYaml('1s', `checks:
  - process: web
    pidfile: \${DIR}/web.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web.pid --port 0"
    rules:
      - if cpu > 99% for 3 cycles then alert
      - if 3 restarts within 5 cycles then unmonitor
`));
  t.after(() => h.cleanup());
  const detail = await waitFor('web checked', () => {
    const d = h.monitor.service('web');
    return d && d.rules.every((r) => r.state !== 'init') ? d : null;
  }, { timeoutMs: 20_000 });
  assert.deepEqual(detail.rules.map((r) => r.rule), ['if does not exist then restart (implicit)', 'if cpu > 99% for 3 cycles then alert', 'if 3 restarts within 5 cycles then unmonitor']);
  const limit = detail.rules[2]!;
  assert.equal(limit.implicit, false);
  assert.equal(limit.state, 'succeeded');
  assert.match(limit.message ?? '', /^[01] restart\(s\) within the last 5 cycle\(s\)$/);
});
