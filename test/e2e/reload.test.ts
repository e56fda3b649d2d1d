// Must show 7: reload with a broken file keeps the old config running and reports every error with its place.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { expand, tempDir } from '../helpers/harness.ts';
import { alive, freePort, kill, killPidfiles, pidFrom, portAnswers } from '../helpers/processes.ts';
import { logMessages, spawnTsmonit, waitForLog } from '../helpers/tsmonit-process.ts';
import { waitFor } from '../helpers/wait.ts';

test('SIGHUP with a broken file keeps the old config; a good file is taken', async (t) => {
  const dir = tempDir();
  const [port, port2] = [await freePort(), await freePort()];
  const file = `${dir}/monitrc.yml`;
  const head = `daemon: 1s
log: \${DIR}/tsmonit.log
statefile: \${DIR}/state.json
pidfile: \${DIR}/tsmonit.pid
control_socket: \${DIR}/tsmonit.sock
checks:
  - process: web
    pidfile: \${DIR}/web.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web.pid --port ${port}"
`;
  writeFileSync(file, expand(head, dir), { mode: 0o600 });
  const daemon = spawnTsmonit(['-c', file]);
  t.after(async () => {
    kill(daemon.pid, 'SIGKILL');
    killPidfiles(`${dir}/web.pid`, `${dir}/web2.pid`);
  });
  const log = `${dir}/tsmonit.log`;
  const first = await waitFor('web running', async () => {
    const pid = pidFrom(`${dir}/web.pid`);
    return pid && alive(pid) && (await portAnswers(port)) ? pid : null;
  });

  // Three errors in three places.
  const broken = `daemon: 1s
bogus_key: 1
log: \${DIR}/tsmonit.log
statefile: \${DIR}/state.json
pidfile: \${DIR}/tsmonit.pid
control_socket: \${DIR}/tsmonit.sock
checks:
  - process: web
    pidfile: \${DIR}/web.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web.pid --port ${port}"
    depends: nowhere
    rules:
      - if cpu > 5 MB then alert
`;
  writeFileSync(file, expand(broken, dir));
  daemon.child.kill('SIGHUP');
  await waitForLog(log, /keeping the running configuration/);
  const refused = logMessages(log).filter((m) => m.startsWith('reload refused'));
  assert.ok(refused.length >= 3, `every error is reported: ${refused.join('\n')}`);
  assert.ok(refused.some((m) => m.includes(`${file}:2:1:`) && m.includes('TSM_E_UNKNOWN_KEY')), refused.join('\n'));
  assert.ok(refused.some((m) => /:11:\d+:/.test(m) && m.includes('TSM_E_UNKNOWN_DEPENDENCY')), refused.join('\n'));
  assert.ok(refused.some((m) => /:13:\d+:/.test(m) && m.includes('TSM_E_RULE_UNIT')), refused.join('\n'));

  // The old configuration still supervises.
  kill(first, 'SIGKILL');
  await waitFor('web restarted by the old config', async () => {
    const pid = pidFrom(`${dir}/web.pid`);
    return pid && pid !== first && alive(pid) && (await portAnswers(port)) ? pid : null;
  });

  // A good file with one more service is taken.
  writeFileSync(file, expand(`${head}  - process: web2
    pidfile: \${DIR}/web2.pid
    start: "\${NODE} \${FIXTURES}/listen-daemon.js --daemon --pidfile \${DIR}/web2.pid --port ${port2}"
`, dir));
  daemon.child.kill('SIGHUP');
  await waitForLog(log, /control file reloaded/);
  await waitFor('web2 running', async () => alive(pidFrom(`${dir}/web2.pid`)) && (await portAnswers(port2)));

  daemon.child.kill('SIGTERM');
  assert.equal(await daemon.exited, 0, 'SIGTERM exits 0');
  assert.ok(alive(pidFrom(`${dir}/web.pid`)), 'monitored services keep running after tsmonit exits');
});
