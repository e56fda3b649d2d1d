// Must show 3: every error is one clear line on stderr and an exit status (1 error, 2 usage), never a
// stack trace: daemon not running, wrong credentials, unknown service, unknown group, bad arguments.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { freePort } from '../helpers/processes.ts';
import { oneLine, startDaemon, tempDir, tsmonit, type Daemon } from './helpers/cli.ts';

const BCRYPT = `$2b$10$${'a'.repeat(53)}`;

function clientConfig(dir: string, name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `daemon: 1s\nstatefile: ${dir}/${name}.state.json\n${body}\nchecks: []\n`, { mode: 0o600 });
  return file;
}

describe('usage errors exit 2 with one line', () => {
  const cases: Array<[string[], string]> = [
    [['frobnicate'], "tsmonit: unknown command 'frobnicate' (see tsmonit --help)"],
    [['--frobnicate'], "tsmonit: unknown option '--frobnicate' (see tsmonit --help)"],
    [['stop'], "tsmonit: stop needs a service name, a name pattern or 'all' (or -g GROUP)"],
    [['start', 'a', 'b'], "tsmonit: start takes a service name, a name pattern or 'all' (or -g GROUP), got 'a b'"],
    [['report', 'sideways'], "tsmonit: report takes up, down, initializing, unmonitored or total, not 'sideways'"],
    [['restart', 'web', '--wait=soon'], 'tsmonit: --wait needs a number of seconds from 1 to 3600 (--wait=30), or no value'],
    [['status', '--wait'], "tsmonit: --wait works with start, stop, restart, monitor and unmonitor, not 'status'"],
    [['reload', '--json'], "tsmonit: --json works with status, summary, report and validate, not 'reload'"],
    [['-g', 'www', 'quit'], "tsmonit: -g works with status, summary, report and the actions, not 'quit'"],
    [['-g', 'www'], 'tsmonit: -g needs a command (see tsmonit --help)'],
    [['-c'], 'tsmonit: -c needs a file'],
    [['procmatch'], 'tsmonit: procmatch needs one regular expression'],
    [['-t', 'status'], 'tsmonit: -t checks the control file and takes no command'],
  ];
  for (const [args, message] of cases) {
    test(`tsmonit ${args.join(' ')}`, async () => {
      const r = await tsmonit(args);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.equal(oneLine(r.stderr), message);
    });
  }
});

describe('errors against the control file and the daemon exit 1 with one line', () => {
  let d: Daemon;
  let dir: string;
  before(async () => {
    d = await startDaemon(`
  - process: absent
    matching: "^no-such-process-tsmonit-cli-test$"
    mode: passive
    group: www
`);
    dir = tempDir('tsmonit-cli-errors-');
  });
  after(() => d?.stop());

  const fails = async (args: string[], message: string | RegExp) => {
    const r = await tsmonit(args);
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
    assert.equal(r.stdout, '');
    const line = oneLine(r.stderr);
    if (typeof message === 'string') assert.equal(line, message);
    else assert.match(line, message);
  };

  test('unknown service: status, summary and the actions', async () => {
    await fails(['-c', d.file, 'status', 'nope'], 'tsmonit: there is no service named "nope"');
    await fails(['-c', d.file, 'summary', 'no.*pe'], 'tsmonit: there is no service named "no.*pe"');
    await fails(['-c', d.file, 'stop', 'nope'], 'tsmonit: there is no service named "nope"');
    await fails(['-c', d.file, 'restart', 'nope', '--wait'], 'tsmonit: there is no service named "nope"');
  });

  test('unknown group: shown by the CLI and refused by the daemon alike', async () => {
    await fails(['-c', d.file, 'status', '-g', 'nope'], 'tsmonit: there is no group named "nope"');
    await fails(['-c', d.file, 'report', '-g', 'nope'], 'tsmonit: there is no group named "nope"');
    await fails(['-c', d.file, 'start', '-g', 'nope'], 'tsmonit: there is no group named "nope"');
    await fails(['-c', d.file, '-g', 'nope', 'stop', '--wait'], 'tsmonit: there is no group named "nope"');
  });

  test('daemon not running: nothing answers on the socket nor on httpd', async () => {
    const port = await freePort();
    const file = clientConfig(dir, 'not-running.yml', `control_socket: ${dir}/absent.sock
httpd:
  port: ${port}
  address: 127.0.0.1
  allow: [ "admin:s3cret" ]`);
    const message = `tsmonit: the tsmonit daemon is not running (nothing answers on control socket ${dir}/absent.sock nor on http://127.0.0.1:${port})`;
    for (const command of [['status'], ['summary'], ['report'], ['stop', 'web'], ['reload'], ['quit']]) {
      await fails(['-c', file, ...command], message);
    }
  });

  test('wrong credentials, a user the CLI cannot use, a read-only user', async () => {
    const httpd = (allow: string) => `control_socket: false
httpd:
  port: ${d.port}
  address: 127.0.0.1
  allow: [ ${allow} ]`;
    const wrong = clientConfig(dir, 'wrong.yml', httpd('"admin:guessed"'));
    await fails(['-c', wrong, 'status'], `tsmonit: wrong user name or password: http://127.0.0.1:${d.port} refused user "admin" from the control file`);
    await fails(['-c', wrong, 'stop', 'absent'], `tsmonit: wrong user name or password: http://127.0.0.1:${d.port} refused user "admin" from the control file`);
    const hashed = clientConfig(dir, 'hashed.yml', httpd(`{ user: admin, password: "${BCRYPT}" }`));
    await fails(['-c', hashed, 'status'], `tsmonit: http://127.0.0.1:${d.port} needs a user, and the control file has no cleartext user:password entry for the CLI`);
    const guest = clientConfig(dir, 'guest.yml', httpd('"guest:guest readonly"'));
    const ok = await tsmonit(['-c', guest, 'summary']);
    assert.equal(ok.code, 0, 'a read-only user may look');
    await fails(['-c', guest, 'stop', 'absent'], 'tsmonit: user guest is read-only');
  });

  test('the control file: missing, broken, or with no way to reach the daemon', async () => {
    await fails(['-c', join(dir, 'missing.yml'), 'status'], /^tsmonit: cannot read the control file .*missing\.yml: ENOENT/);
    const isolated = clientConfig(dir, 'isolated.yml', 'control_socket: false');
    await fails(['-c', isolated, 'status'], 'tsmonit: the control file sets neither control_socket nor httpd: the CLI has no way to reach the daemon');
    const broken = join(dir, 'broken.yml');
    writeFileSync(broken, 'daemon: often\nchecks: []\n');
    const r = await tsmonit(['-c', broken, 'status']);
    assert.equal(r.code, 1);
    const [first, ...details] = r.stderr.trimEnd().split('\n');
    assert.equal(first, `tsmonit: the control file ${broken} has errors (tsmonit -t -c ${broken} lists them)`);
    assert.ok(details.length >= 1 && details.every((l) => l.startsWith(`${broken}:`)), r.stderr);
  });

  test('procmatch with a regex that does not compile', async () => {
    await fails(['procmatch', '(unclosed'], /^tsmonit: procmatch: the regular expression does not compile: .*\(unclosed/);
  });
});
