// Must show 2: an action without --wait returns once accepted; `stop NAME --wait` returns only after the
// process is gone, `start NAME --wait` only after it runs; a failing start returns 1 with the program's
// output; a wait that runs out returns 1 with the reason.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { alive, freePort, pidFrom } from '../helpers/processes.ts';
import { waitFor } from '../helpers/wait.ts';
import { startDaemon, tsmonit, type Daemon } from './helpers/cli.ts';

interface Svc {
  name: string;
  status: string;
  pendingAction: string | null;
}

describe('actions against a real daemon', () => {
  let d: Daemon;
  let cli: (...args: string[]) => ReturnType<typeof tsmonit>;
  const service = async (name: string): Promise<Svc> =>
    (JSON.parse((await d.get('/api/v1/services')).body) as { services: Svc[] }).services.find((s) => s.name === name)!;
  const idle = (name: string) => waitFor(`no action pending on ${name}`, async () => (await service(name)).pendingAction === null, { timeoutMs: 30000 });

  before(async () => {
    d = await startDaemon(`
  - process: slow
    pidfile: \${DIR}/slow.pid
    start: "\${NODE} \${CLI_FIXTURES}/slow-exit.js --daemon --pidfile \${DIR}/slow.pid --exit-delay 3"
  - process: late
    pidfile: \${DIR}/late.pid
    mode: passive
    start: "/bin/sh \${FIXTURES}/slow-start.sh 3 --pidfile \${DIR}/late.pid --port \${FREE}"
  - process: broken
    pidfile: \${DIR}/broken.pid
    mode: passive
    start: "\${NODE} \${FIXTURES}/print-and-exit.js 2 3"
`, { extraPort: await freePort() });
    cli = (...args) => tsmonit(['-c', d.file, ...args]);
    await waitFor('slow runs', () => alive(pidFrom(`${d.dir}/slow.pid`)), { timeoutMs: 30000 });
  });
  after(() => d?.stop());

  test('stop without --wait returns while the process still shuts down; stop --wait only once it is gone', async () => {
    const first = pidFrom(`${d.dir}/slow.pid`)!;
    const accepted = await cli('stop', 'slow');
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.equal(accepted.stdout, '', "silent, as monit's CLI");
    assert.ok(alive(first), 'the process takes 3 s to exit: still there when the CLI returned');
    await waitFor('slow is gone', () => !alive(first), { timeoutMs: 30000 });
    await idle('slow');

    const started = await cli('start', 'slow', '--wait');
    assert.equal(started.code, 0, started.stderr);
    const second = pidFrom(`${d.dir}/slow.pid`);
    assert.ok(alive(second), 'running when start --wait returned');
    assert.match(started.stdout, new RegExp(`^'slow' start: started with pid ${second} \\(\\d+\\.\\d s\\)\\n$`));

    const stopped = await cli('stop', 'slow', '--wait');
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.ok(!alive(second), 'gone when stop --wait returned');
    assert.match(stopped.stdout, /^'slow' stop: stopped/);
  });

  test('start --wait returns only after a slow start program made the process run', async () => {
    const accepted = await cli('start', 'late');
    assert.equal(accepted.code, 0, accepted.stderr);
    assert.equal(pidFrom(`${d.dir}/late.pid`), null, 'the start program sleeps 3 s first: no pidfile yet');
    await idle('late');
    const stopped = await cli('stop', 'late', '--wait');
    assert.equal(stopped.code, 0, stopped.stderr);
    assert.equal(pidFrom(`${d.dir}/late.pid`), null);

    const started = await cli('start', 'late', '--wait=60');
    assert.equal(started.code, 0, started.stderr);
    const pid = pidFrom(`${d.dir}/late.pid`);
    assert.ok(alive(pid), 'running when start --wait returned');
    assert.match(started.stdout, new RegExp(`'late' start: started with pid ${pid}`));
  });

  test('a wait that runs out exits 1 with the reason', async () => {
    await idle('late');
    assert.equal((await cli('stop', 'late', '--wait')).code, 0);
    const r = await cli('start', 'late', '--wait=1');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^tsmonit: 'late' start did not finish in time: start did not finish within 1 s\n$/);
    await idle('late');
  });

  test('a start that fails exits 1 with the reason and the program\'s output', async () => {
    const r = await cli('start', 'broken', '--wait');
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '');
    const [first, ...output] = r.stderr.trimEnd().split('\n');
    assert.match(first!, /^tsmonit: 'broken' start failed: failed to start \(.*3.*\)/);
    assert.ok(output.some((l) => l.trim() === 'out 1'), r.stderr);
    assert.ok(output.some((l) => l.trim() === 'out 2'), r.stderr);
    assert.doesNotMatch(r.stderr, /^\s+at /m);
  });

  test('an action on a group or a pattern reaches every service it names', async () => {
    await idle('slow');
    const r = await cli('monitor', 'SL.W', '--wait');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^'slow' monitor: monitored/);
    const all = await cli('unmonitor', 'all', '--wait');
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(all.stdout.trimEnd().split('\n').map((l) => l.split(' ')[0]).sort(), ["'broken'", "'late'", "'slow'"]);
    for (const name of ['slow', 'late', 'broken']) assert.equal((await service(name)).status, 'Not monitored');
  });
});
