// Must show 1: a daemonizing fixture is SIGKILLed; tsmonit runs the start program, the port answers again,
// and the event log tells the story: not running -> restart -> running.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { alive, freePort, kill, pidFrom, portAnswers } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';

test('a SIGKILLed daemon is restarted and its port answers again', async (t) => {
  const port = await freePort();
  const h = await startMonitor(daemonYaml('1s', `
checks:
  - process: web
    pidfile: \${DIR}/web.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web.pid --port ${port}"
    rules:
      - if failed port ${port} type tcp with timeout 1 seconds then restart
`));
  t.after(() => h.cleanup());
  const pidfile = `${h.dir}/web.pid`;

  const first = await waitFor('web to be started and ok', () => {
    const s = h.monitor.service('web');
    return s?.status === 'OK' && s.process?.pid ? s.process.pid : null;
  });
  assert.equal(pidFrom(pidfile), first);
  assert.ok(await portAnswers(port));
  const killedAt = h.events().at(-1)!.id;

  kill(first, 'SIGKILL');
  const second = await waitFor('a new pid that answers', async () => {
    const pid = pidFrom(pidfile);
    return pid !== null && pid !== first && alive(pid) && (await portAnswers(port)) ? pid : null;
  });
  await waitFor('web ok again', () => h.monitor.service('web')?.status === 'OK' && h.monitor.service('web')?.process?.pid === second);

  const after = h.events('web').filter((e) => e.id > killedAt);
  const notRunning = after.findIndex((e) => e.kind === 'nonexist' && e.state === 'failed');
  const restarted = after.findIndex((e, i) => i > notRunning && e.kind === 'action' && /started with pid/.test(e.message));
  const running = after.findIndex((e, i) => i > restarted && e.kind === 'nonexist' && e.state === 'succeeded');
  assert.ok(notRunning >= 0, `no "not running" event in ${JSON.stringify(after)}`);
  assert.ok(restarted > notRunning, `the restart comes after "not running": ${JSON.stringify(after.map((e) => [e.kind, e.state, e.message]))}`);
  assert.ok(running > restarted, 'then the service is running again');
  assert.equal(after[notRunning]!.action, 'restart');
  assert.ok(h.logger.lines.some((l) => l.includes("'web' trying to restart")), 'monit-like log line');
  assert.ok(h.logger.lines.some((l) => l.includes(`'web' start: '`)), 'the start program is logged');
  assert.equal(h.monitor.service('web')?.restarts, 2, 'two rule-triggered starts: the first start and the restart');
});
