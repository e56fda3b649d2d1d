// Must show 4: the daemon started on a monit control file behaves as on its YAML twin. A daemonizing
// fixture is started, SIGKILLed and started again under each spelling; both runs tell the same story.
import assert from 'node:assert/strict';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadConfigFile } from '../../../src/config/load.ts';
import { composeDaemonDeps } from '../../../src/compose.ts';
import { Monitor } from '../../../src/daemon/monitor.ts';
import { formatDiagnostic } from '../../../src/model/errors.ts';
import type { TsmEvent } from '../../../src/model/event.ts';
import { CapturingLogger, expand, tempDir, testEnvironment } from '../../helpers/harness.ts';
import { alive, freePort, kill, killPidfiles, pidFrom, portAnswers } from '../../helpers/processes.ts';
import { spawnTsmonit } from '../../helpers/tsmonit-process.ts';
import { waitFor } from '../../helpers/wait.ts';
import { placeless } from './helpers.ts';

const START = '${NODE} ${FIXTURES}/listen-daemon.js --daemon --pidfile ${DIR}/web.pid --port PORT';

const MONITRC = `
set daemon 1
set statefile \${DIR}/state.json
# the web service, as a monit user writes it
check process web with pidfile \${DIR}/web.pid
  start program = "${START}" with timeout 20 seconds
  if failed port PORT type tcp with timeout 1 seconds then restart
  if 5 restarts within 10 cycles then timeout
`;

const YAML = `
daemon: 1
statefile: \${DIR}/state.json
checks:
  - process: web
    pidfile: \${DIR}/web.pid
    start: { program: "${START}", timeout: 20s }
    rules:
      - if failed port PORT type tcp with timeout 1 seconds then restart
      - if 5 restarts within 10 cycles then timeout
`;

interface Run {
  story: string[];
  restarts: number | undefined;
  model: unknown;
}

/** Start, SIGKILL, start again: what the daemon did, in the order it did it. */
async function run(template: string, name: string, port: number): Promise<Run> {
  const dir = tempDir('tsmonit-twin-');
  const file = join(dir, name);
  writeFileSync(file, expand(template, dir).replaceAll('PORT', String(port)), { mode: 0o600 });
  const env = testEnvironment();
  const loaded = await loadConfigFile(file, env);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatDiagnostic).join('\n'));
  const deps = composeDaemonDeps({ env, baseEnv: { ...process.env }, logger: new CapturingLogger(), selfPid: process.pid, livenessIntervalMs: 100 });
  const monitor = new Monitor(deps, loaded.config);
  const problems = await monitor.start();
  assert.deepEqual(problems.map(formatDiagnostic), []);
  try {
    const web = () => monitor.service('web');
    const first = await waitFor('web started and ok', () => (web()?.status === 'OK' && web()?.process?.pid ? web()?.process?.pid : null));
    assert.ok(await portAnswers(port));
    const killedAt = monitor.events({ limit: 2000 })[0]?.id ?? 0;
    kill(first ?? null, 'SIGKILL');
    const second = await waitFor('a new pid that answers', async () => {
      const pid = pidFrom(join(dir, 'web.pid'));
      return pid !== null && pid !== first && alive(pid) && (await portAnswers(port)) ? pid : null;
    });
    await waitFor('web ok again', () => web()?.status === 'OK' && web()?.process?.pid === second);
    const events: TsmEvent[] = monitor.events({ limit: 2000, service: 'web' }).reverse().filter((e) => e.id > killedAt);
    const story = events
      .filter((e) => e.kind === 'nonexist' || (e.kind === 'action' && /started with pid/.test(e.message)))
      .map((e) => `${e.kind}:${e.state}${e.action ? `:${e.action}` : ''}`);
    // The runs differ in their temp directory only.
    return { story, restarts: web()?.restarts, model: JSON.parse(JSON.stringify(placeless(loaded.config)).replaceAll(dir, 'DIR')) as unknown };
  } finally {
    await monitor.quit();
    killPidfiles(...readdirSync(dir).filter((f) => f.endsWith('.pid')).map((f) => join(dir, f)));
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a monitrc daemon and its YAML twin restart a killed service the same way', async () => {
  const port = await freePort();
  const monit = await run(MONITRC, 'monitrc', port);
  const yaml = await run(YAML, 'monitrc.yml', port);
  assert.deepStrictEqual(monit.model, yaml.model);
  assert.ok(monit.story.length >= 3, `the monitrc run tells a story: ${monit.story.join(', ')}`);
  assert.deepEqual(monit.story.slice(0, 3), ['nonexist:failed:restart', 'action:info:start', 'nonexist:succeeded:alert']);
  assert.deepEqual(yaml.story.slice(0, 3), monit.story.slice(0, 3));
  assert.equal(monit.restarts, 2, 'the first start and the restart');
  assert.equal(yaml.restarts, monit.restarts);
});

test('the tsmonit binary checks a monit control file: -t prints Control file syntax OK', async () => {
  const p = spawnTsmonit(['-t', '-c', 'test/fixtures/monitrc/debian-memcached.monitrc']);
  assert.equal(await p.exited, 0, p.stderr());
});
