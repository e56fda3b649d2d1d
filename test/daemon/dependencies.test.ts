// Must show 6: `depends`: starting B starts A first; stopping A stops B first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { alive, freePort, pidFrom } from '../helpers/processes.ts';

test('start follows dependencies down, stop follows them up', async (t) => {
  const [portA, portB] = [await freePort(), await freePort()];
  // A long start delay keeps the cycle out of the way: only the user actions act here.
  const h = await startMonitor(daemonYaml('1s', `
start_delay: 1h
checks:
  - process: a
    pidfile: \${DIR}/a.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/a.pid --port ${portA}"
  - process: b
    pidfile: \${DIR}/b.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/b.pid --port ${portB}"
    depends: a
`));
  t.after(() => h.cleanup());

  const started = await h.monitor.act({ action: 'start', services: ['b'], user: 'tester', waitMs: 20000 });
  assert.deepEqual(started.map((o) => [o.service, o.state]), [['b', 'done']]);
  const pidA = pidFrom(`${h.dir}/a.pid`);
  const pidB = pidFrom(`${h.dir}/b.pid`);
  assert.ok(alive(pidA) && alive(pidB), 'both run');
  const startOrder = h.events().filter((e) => e.kind === 'action' && /started with pid/.test(e.message)).map((e) => e.service);
  assert.deepEqual(startOrder, ['a', 'b'], 'a was started before b');

  const stopped = await h.monitor.act({ action: 'stop', services: ['a'], user: 'tester', waitMs: 20000 });
  assert.deepEqual(stopped.map((o) => [o.service, o.state]), [['a', 'done']]);
  assert.ok(!alive(pidA) && !alive(pidB), 'both stopped');
  const stopOrder = h.events().filter((e) => e.kind === 'action' && e.action === 'stop' && e.message === 'stop action done').map((e) => e.service);
  assert.deepEqual(stopOrder, ['b', 'a'], 'b was stopped before a');
  assert.equal(h.monitor.service('a')?.monitoring, 'not monitored');
  assert.equal(h.monitor.service('b')?.monitoring, 'not monitored', JSON.stringify(h.events().map((e) => [e.service, e.kind, e.message])));
  const asked = h.events('a').find((e) => e.message === 'stop requested');
  assert.equal(asked?.user, 'tester', 'the event log names who asked');
});
