import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../src/effects/logger.ts';
import { formatLine, localIsoTime } from '../../src/effects/log/line-format.ts';
import { redact } from '../../src/effects/log/redact.ts';
import { findSyslogCommand } from '../../src/effects/log/syslog-stream.ts';

async function lines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter((line) => line.length > 0);
}

describe('logger', () => {
  let dir = '';
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'tsmonit-log-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  test('JSON lines appended to a file (directory created), below-level lines dropped', async () => {
    const path = join(dir, 'sub', 'tsmonit.log');
    const first = createLogger({ target: path, pretty: false, level: 'info' });
    first.logger.debug('not shown');
    first.logger.info("'web' process is not running", { service: 'web', pid: 42 });
    first.logger.error('boom');
    await first.close();
    const second = createLogger({ target: path, pretty: false, level: 'debug' });
    second.logger.debug('appended');
    await second.flush();
    await second.close();
    const records = (await lines(path)).map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(records.map((r) => [r.level, r.msg]),
      [['info', "'web' process is not running"], ['error', 'boom'], ['debug', 'appended']]);
    assert.equal(records[0]?.service, 'web');
    assert.equal(records[0]?.pid, 42);
    assert.ok(!Number.isNaN(Date.parse(String(records[0]?.time))));
  });

  test('secrets are redacted at any depth, the rest is kept', async () => {
    const path = join(dir, 'redact.log');
    const handle = createLogger({ target: path, pretty: false, level: 'info' });
    handle.logger.info('login', {
      user: 'admin', password: 'hunter2',
      request: { headers: { Authorization: 'Basic c2VjcmV0', host: 'x' } },
      users: [{ name: 'a', pass: 'p1' }, { name: 'b', Secret: 's2' }],
    });
    await handle.close();
    const text = await readFile(path, 'utf8');
    for (const secret of ['hunter2', 'c2VjcmV0', 'p1', 's2']) assert.ok(!text.includes(secret), secret);
    const record = JSON.parse(text) as { user: string; request: { headers: { host: string } }; users: Array<{ name: string }> };
    assert.equal(record.user, 'admin');
    assert.equal(record.request.headers.host, 'x');
    assert.deepEqual(record.users.map((u) => u.name), ['a', 'b']);
  });

  test('pretty lines look like monit\'s', async () => {
    const path = join(dir, 'pretty.log');
    const handle = createLogger({ target: path, pretty: true, level: 'info' });
    handle.logger.info("'web' process is not running");
    handle.logger.warn("'web' trying to restart", { rule: 'if failed port 80', count: 2 });
    handle.logger.error('x', { password: 'hunter2' });
    await handle.close();
    const [info, warn, error] = await lines(path);
    const stamp = '\\[\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d\\]';
    assert.match(info ?? '', new RegExp(`^${stamp} info     : 'web' process is not running$`));
    assert.match(warn ?? '', new RegExp(`^${stamp} warning  : 'web' trying to restart rule="if failed port 80" count=2$`));
    assert.match(error ?? '', new RegExp(`^${stamp} error    : x password=\\[redacted\\]$`));
  });
});

test('formatLine and localIsoTime', () => {
  const time = Date.UTC(2026, 10, 23, 10, 0, 0);
  const stamp = localIsoTime(new Date(time));
  assert.match(stamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  assert.equal(Date.parse(stamp), time, 'the offset is right');
  assert.equal(formatLine({ level: 'info', time: new Date(time).toISOString(), msg: "'web' ok", pid: 1, hostname: 'h' },
    { withTime: true }), `[${stamp}] info     : 'web' ok`);
  assert.equal(formatLine({ level: 'debug', msg: 'm', list: [1, 2], text: 'a b' }, { withTime: false }),
    'debug    : m list=[1,2] text="a b"');
});

test('redact copies errors and survives cycles', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic.self = cyclic;
  assert.deepEqual(redact(cyclic), { a: 1, self: '[circular]' });
  const error = Object.assign(new Error('nope'), { code: 'ENOENT' });
  assert.deepEqual(redact({ err: error }), { err: { type: 'Error', message: 'nope', code: 'ENOENT' } });
});

describe('syslog', () => {
  let dir = '';
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'tsmonit-syslog-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  test('lines go to logger(1) with a priority prefix', async () => {
    const out = join(dir, 'received.txt');
    const args = join(dir, 'args.txt');
    const fake = join(dir, 'fake-logger');
    await writeFile(fake, `#!/bin/sh\necho "$@" > '${args}'\ncat >> '${out}'\n`);
    await chmod(fake, 0o755);
    const handle = createLogger({ target: 'syslog', pretty: false, level: 'info', syslogCommands: [fake] });
    handle.logger.info("'web' process is running with pid 42", { secret: 'x1' });
    handle.logger.error('failed');
    await handle.flush();
    await handle.close();
    assert.deepEqual(await lines(out), [
      "<14>info     : 'web' process is running with pid 42 secret=[redacted]",
      '<11>error    : failed',
    ]);
    assert.equal((await readFile(args, 'utf8')).trim(), '-t tsmonit --prio-prefix');
  });

  test('logger(1) is looked up among the candidates', () => {
    assert.equal(findSyslogCommand(['/nonexistent/logger']), null);
    assert.equal(findSyslogCommand(['/nonexistent/logger', '/bin/sh']), '/bin/sh');
  });
});
