// Must show 3: with the mail server black-holing connections (accepts, never answers), a crash is still restarted
// within one cycle: delivery waits in the outbox, never in front of the remedial action (monit mails first).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor } from '../helpers/harness.ts';
import { alive, freePort, kill, pidFrom, portAnswers } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { startBlackHole } from './support/black-hole.ts';

test('a crash is restarted within one cycle while the mail server swallows every connection', async (t) => {
  const hole = await startBlackHole();
  const port = await freePort();
  const h = await startMonitor(daemonYaml('2s', `mailserver:
  - { host: 127.0.0.1, port: ${hole.port}, timeout: 60s }
  - { host: 127.0.0.1, port: ${hole.port}, timeout: 60s }
alerts:
  - email: ops@example.com
checks:
  - process: web
    pidfile: \${DIR}/web.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web.pid --port ${port}"
    rules:
      - if failed port ${port} type tcp with timeout 1 seconds then restart
`));
  t.after(async () => {
    await h.cleanup();
    await hole.close();
  });
  const first = await waitFor('web started and ok', () => {
    const s = h.monitor.service('web');
    return s?.status === 'OK' && s.process?.pid ? s.process.pid : null;
  });
  await waitFor('the mail server has swallowed a connection', () => hole.accepted >= 1);

  const cyclesAtKill = h.monitor.status().server.cycles;
  kill(first, 'SIGKILL');
  const second = await waitFor('a new pid that answers', async () => {
    const pid = pidFrom(`${h.dir}/web.pid`);
    return pid !== null && pid !== first && alive(pid) && (await portAnswers(port)) ? pid : null;
  });
  const cyclesAtRestart = h.monitor.status().server.cycles;
  assert.ok(cyclesAtRestart - cyclesAtKill <= 1, `restarted within one cycle (${cyclesAtRestart - cyclesAtKill} cycles passed)`);
  assert.ok(alive(second));
  const crash = h.events('web').find((e) => e.kind === 'nonexist' && e.state === 'failed');
  assert.ok(crash, 'the crash was an alertable event');
  assert.ok(waitingInOutbox(h.dir).length > 0, 'its mail waits in the outbox on disk');
  assert.ok(h.logger.lines.every((l) => !/alert .* dropped/.test(l)), 'nothing was given up');
});

function waitingInOutbox(dir: string): string[] {
  const outbox = readdirSync(dir).find((f) => f.endsWith('.outbox'));
  return outbox ? readdirSync(`${dir}/${outbox}`).filter((f) => f.endsWith('.json')) : [];
}
