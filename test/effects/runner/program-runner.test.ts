import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRequest } from '../../../src/model/ports.ts';
import { createProgramRunner } from '../../../src/effects/runner/program-runner.ts';
import { NODE, fixture, isGone, killPid, procState, waitFor } from '../support/processes.ts';

const isRoot = process.getuid?.() === 0;
const runner = createProgramRunner({ baseEnv: { PATH: '/usr/bin:/bin' }, isRoot, killGraceMs: 300 });

function request(argv: string[], extra: Partial<RunRequest> = {}): RunRequest {
  return { command: { text: argv.join(' '), argv }, timeoutMs: 10_000, env: {}, outputLimitBytes: 64 * 1024, ...extra };
}

describe('program runner', () => {
  let dir = '';
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'tsmonit-runner-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  test('exit code and interleaved stdout/stderr; the child is reaped', async () => {
    let spawned: number | null = null;
    const result = await runner.run(request([NODE, fixture('print-and-exit.js'), '3', '7'], {
      onSpawn: (pid) => { spawned = pid; },
    }));
    assert.equal(result.exitCode, 7);
    assert.equal(result.signal, null);
    assert.equal(result.timedOut, false);
    assert.equal(result.error, undefined);
    assert.ok(result.pid && result.pid > 0);
    assert.equal(spawned, result.pid);
    for (const line of ['out 1', 'out 3', 'err 1', 'err 3']) assert.ok(result.output.includes(line), line);
    assert.ok(result.durationMs >= 0);
    await waitFor(() => procState(result.pid ?? -1) === null, 'no zombie left');
  });

  test('output beyond the limit is counted, not kept', async () => {
    // 50 lines of 99 chars + newline on each stream: 10000 bytes in all
    const result = await runner.run(request([NODE, fixture('print-and-exit.js'), '50', '0', '99'],
      { outputLimitBytes: 500 }));
    assert.equal(result.exitCode, 0);
    const [kept, note] = result.output.split('\n[... ');
    assert.equal(Buffer.byteLength(kept ?? ''), 500);
    assert.equal(note, '9500 more bytes not kept]');
  });

  test('a timeout kills the whole process group, including a grandchild that ignores SIGTERM', async () => {
    const result = await runner.run(request([NODE, fixture('hang.js'), fixture('ignore-sigterm.js')],
      { timeoutMs: 2000 }));
    assert.equal(result.timedOut, true);
    assert.equal(result.exitCode, null);
    assert.equal(result.signal, 'SIGTERM');
    const grandchild = Number(/grandchild (\d+)/.exec(result.output)?.[1]);
    assert.ok(grandchild > 0, `grandchild started before the timeout: ${result.output}`);
    try {
      await waitFor(() => isGone(grandchild), 'the SIGTERM-ignoring grandchild to be killed', 3000);
    } finally {
      killPid(grandchild);
    }
  });

  test('returns on exit even when a grandchild keeps the pipes open', async () => {
    const started = Date.now();
    const result = await runner.run(request([NODE, fixture('spawn-grandchild.js'), '30']));
    const grandchild = Number(/grandchild (\d+)/.exec(result.output)?.[1]);
    try {
      assert.equal(result.exitCode, 0);
      assert.ok(grandchild > 0, result.output);
      assert.ok(Date.now() - started < 15_000, 'did not wait for the 30 s grandchild');
      assert.ok(!isGone(grandchild), 'the grandchild is left running (it is not a timeout)');
    } finally {
      killPid(grandchild);
    }
  });

  test('a daemonizing start program returns at once and its daemon survives', async () => {
    const pidfile = join(dir, 'daemon.pid');
    const result = await runner.run(request([NODE, fixture('daemonize.js'), pidfile, '0']));
    assert.equal(result.exitCode, 0);
    const daemon = await waitFor(async () => {
      const text = await import('node:fs/promises').then((fs) => fs.readFile(pidfile, 'utf8')).catch(() => '');
      return Number(text.trim()) || undefined;
    }, 'the daemon pidfile');
    try {
      assert.ok(!isGone(daemon));
    } finally {
      killPid(daemon);
    }
  });

  test('spawn errors are results, never throws', async () => {
    const missing = await runner.run(request(['/nonexistent/program', 'x']));
    assert.equal(missing.pid, null);
    assert.match(missing.error ?? '', /ENOENT/);
    const notExecutable = join(dir, 'plain.txt');
    await writeFile(notExecutable, 'echo hi\n', { mode: 0o644 });
    assert.match((await runner.run(request([notExecutable]))).error ?? '', /EACCES/);
    assert.equal((await runner.run(request([]))).error, 'empty command');
  });

  test('env is the base environment plus the request environment', async () => {
    const envRunner = createProgramRunner({
      baseEnv: { KEEP: 'base', OVERRIDE: 'base', GONE: undefined }, isRoot,
    });
    const script = 'process.stdout.write(JSON.stringify(process.env))';
    const result = await envRunner.run(request([NODE, '-e', script], { env: { OVERRIDE: 'request', MONIT_SERVICE: 'web' } }));
    const env = JSON.parse(result.output) as Record<string, string>;
    assert.equal(env.KEEP, 'base');
    assert.equal(env.OVERRIDE, 'request');
    assert.equal(env.MONIT_SERVICE, 'web');
    assert.equal('GONE' in env, false);
  });

  test('abort stops the program group like a timeout', async () => {
    const controller = new AbortController();
    const running = runner.run(request([NODE, fixture('hang.js')], {
      signal: controller.signal,
      onSpawn: () => setTimeout(() => controller.abort(), 300),
    }));
    const result = await running;
    assert.equal(result.timedOut, false);
    assert.equal(result.signal, 'SIGTERM');
    const early = await runner.run(request([NODE, fixture('hang.js')], { signal: AbortSignal.abort() }));
    assert.equal(early.pid, null);
    assert.equal(early.error, 'aborted before start');
  });

  test('as uid: switching needs root; naming the current user does not', async () => {
    const asNobody = (root: boolean) => createProgramRunner({ baseEnv: {}, isRoot: root })
      .run(request(['/usr/bin/id', '-u'], { command: { text: 'id -u', argv: ['/usr/bin/id', '-u'], uid: 'nobody' } }));
    const refused = await asNobody(false);
    assert.match(refused.error ?? '', /as uid nobody requires root/);
    assert.equal(refused.pid, null);
    const me = process.getuid?.() ?? 0;
    const self = await createProgramRunner({ baseEnv: {}, isRoot: false })
      .run(request(['/usr/bin/id', '-u'], { command: { text: 'id -u', argv: ['/usr/bin/id', '-u'], uid: me } }));
    assert.equal(self.output.trim(), String(me));
    const unknown = await runner.run(request(['/usr/bin/id'], { command: { text: 'id', argv: ['/usr/bin/id'], uid: 'no-such-user-x' } }));
    assert.equal(unknown.error, "unknown user 'no-such-user-x'");
    if (isRoot) {
      const switched = await asNobody(true);
      assert.equal(switched.exitCode, 0);
      assert.equal(switched.output.trim(), '65534');
    }
  });
});
