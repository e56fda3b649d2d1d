// Must show 1 (issue 3): the HA cache example (examples/ha-cache) under a real tsmonit: SIGKILL one memcached,
// SIGSTOP the other, kill redis. Each is detected by its rule and restarted, and the proxy (twemproxy) answers
// every request throughout. Needs memcached, redis-server and nutcracker (Debian packages; required with CI=true).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { test } from 'node:test';
import { tempDir } from '../helpers/harness.ts';
import { ROOT, alive, freePort, kill, pidFrom } from '../helpers/processes.ts';
import { spawnTsmonit } from '../helpers/tsmonit-process.ts';
import { sleep, waitFor } from '../helpers/wait.ts';

const TOOLS = ['/usr/bin/memcached', '/usr/bin/redis-server', '/usr/sbin/nutcracker'];

/** One request on a fresh connection: the first reply line, or why there was none. */
function ask(port: number, payload: string, timeoutMs = 2000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    let data = '';
    const done = (answer: string) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done('no answer'), timeoutMs);
    socket.once('connect', () => socket.write(payload));
    socket.on('data', (d: Buffer) => {
      data += d.toString();
      if (data.includes('\r\n')) done(data.split('\r\n')[0]!);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => done(`error ${e.code}`));
  });
}

interface LoggedEvent {
  service?: string;
  kind?: string;
  state?: string;
  action?: string;
  msg: string;
  time: string;
}

function loggedEvents(file: string): LoggedEvent[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).flatMap((l) => {
    try {
      return [JSON.parse(l) as LoggedEvent];
    } catch {
      return [];
    }
  });
}

function services(socketPath: string): Promise<Array<{ name: string; status: string; process?: { pid: number | null } }>> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path: '/api/v1/services' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve((JSON.parse(body) as { services: Array<{ name: string; status: string }> }).services));
    });
    req.once('error', reject);
    req.end();
  });
}

test('HA cache: killed, stopped and killed again, every cache is restarted and the proxy answers throughout', async (t) => {
  const missing = TOOLS.filter((tool) => !existsSync(tool));
  if (missing.length > 0) {
    if (process.env['CI'] === 'true') assert.fail(`required in CI: ${missing.join(', ')} (Debian: memcached redis-server nutcracker)`);
    t.skip(`not installed: ${missing.join(', ')} (apt-get install memcached redis-server nutcracker)`);
    return;
  }
  const dir = tempDir('tsmonit-ha-cache-');
  const ports = { MC1_PORT: await freePort(), MC2_PORT: await freePort(), REDIS_PORT: await freePort(), PROXY_PORT: await freePort(), STATS_PORT: await freePort() };
  execFileSync(`${ROOT}examples/ha-cache/run.sh`, ['--render', dir], { env: { ...process.env, ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])) } });
  const daemon = spawnTsmonit(['-c', `${dir}/monitrc.yml`]);
  const pidfiles = ['memcached1', 'memcached2', 'redis', 'nutcracker'].map((n) => `${dir}/${n}.pid`);
  t.after(async () => {
    kill(daemon.pid, 'SIGTERM');
    await daemon.exited;
    for (const f of pidfiles) {
      kill(pidFrom(f), 'SIGCONT');
      kill(pidFrom(f), 'SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  });
  const log = `${dir}/tsmonit.log`;
  const sock = `${dir}/tsmonit.sock`;
  const allOk = async () => {
    const list = await services(sock).catch(() => []);
    return list.length === 5 && list.every((s) => s.status === 'OK');
  };
  await waitFor('every service started and OK', allOk, { timeoutMs: 30_000 });
  const okAt = Date.now();
  const proxyPid = pidFrom(`${dir}/nutcracker.pid`);

  // A client of the proxy: a set every 150 ms, each on its own connection, each answer kept.
  const answers: string[] = [];
  let clientRunning = true;
  const client = (async () => {
    for (let i = 0; clientRunning; i++) {
      answers.push(await ask(ports.PROXY_PORT, `set ha-${i} 0 60 2\r\nok\r\n`));
      await sleep(150);
    }
  })();
  const eventAfter = (service: string, kind: string, since: number) =>
    loggedEvents(log).find((e) => e.service === service && e.kind === kind && e.state === 'failed' && Date.parse(e.time) >= since);
  const replaced = (name: string, old: number | null) => async () => {
    const pid = pidFrom(`${dir}/${name}.pid`);
    return pid !== null && pid !== old && alive(pid) ? pid : null;
  };

  // 1. SIGKILL memcached1: gone, so its implicit existence rule restarts it.
  const mc1 = pidFrom(`${dir}/memcached1.pid`);
  let since = Date.now();
  kill(mc1, 'SIGKILL');
  const mc1Event = await waitFor('memcached1 reported missing', () => eventAfter('memcached1', 'nonexist', since));
  assert.equal(mc1Event.action, 'restart');
  await waitFor('memcached1 back', replaced('memcached1', mc1));
  await waitFor('memcached1 answers', async () => (await ask(ports.MC1_PORT, 'version\r\n')).startsWith('VERSION'));

  // 2. SIGSTOP memcached2 (once past its 5 s start timeout): alive but silent, so the memcache protocol rule fires.
  await sleep(Math.max(0, okAt + 6000 - Date.now()));
  const mc2 = pidFrom(`${dir}/memcached2.pid`);
  since = Date.now();
  kill(mc2, 'SIGSTOP');
  const mc2Event = await waitFor('memcached2 failed its memcache test', () => eventAfter('memcached2', 'connection', since), { timeoutMs: 20_000 });
  assert.equal(mc2Event.action, 'restart');
  assert.match(mc2Event.msg, /MEMCACHE/);
  await waitFor('memcached2 replaced', replaced('memcached2', mc2), { timeoutMs: 20_000 });
  assert.equal(alive(mc2), false, 'the stopped memcached was stopped for good (SIGTERM with SIGCONT)');
  await waitFor('memcached2 answers', async () => (await ask(ports.MC2_PORT, 'version\r\n')).startsWith('VERSION'));

  // 3. kill redis.
  const redis = pidFrom(`${dir}/redis.pid`);
  since = Date.now();
  kill(redis, 'SIGKILL');
  await waitFor('redis reported', () => eventAfter('redis', 'nonexist', since) ?? eventAfter('redis', 'connection', since));
  await waitFor('redis back', replaced('redis', redis));
  await waitFor('redis answers PING', async () => (await ask(ports.REDIS_PORT, 'PING\r\n')) === '+PONG');

  await waitFor('everything OK again', allOk, { timeoutMs: 20_000 });
  await sleep(1000);
  clientRunning = false;
  await client;

  const unanswered = answers.filter((a) => a === 'no answer' || a.startsWith('error'));
  assert.deepEqual(unanswered, [], `the proxy answered every request (${answers.length} requests)`);
  const stored = answers.filter((a) => a === 'STORED').length;
  assert.ok(answers.length >= 20 && stored / answers.length >= 0.7, `most sets stored through the proxy: ${stored}/${answers.length}`);
  assert.equal(pidFrom(`${dir}/nutcracker.pid`), proxyPid, 'the proxy itself was never restarted');
  const proxyFailures = loggedEvents(log).filter((e) => e.service === 'proxy' && e.state === 'failed' && Date.parse(e.time) >= okAt);
  assert.deepEqual(proxyFailures.map((e) => e.msg), [], 'and never failed a test');
  const health = loggedEvents(log).filter((e) => e.service === 'cache-health' && e.state === 'failed' && Date.parse(e.time) >= okAt);
  t.diagnostic(`cache-health failures (fall 2): ${health.length}; answers: ${stored}/${answers.length} stored`);
});
