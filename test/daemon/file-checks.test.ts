// check file / directory / fifo in a running daemon over the real filesystem: content read once across restarts
// and rotations, checksum, size, permission, invalid type, existence.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { daemonYaml } from '../helpers/daemon-yaml.ts';
import { startMonitor, tempDir } from '../helpers/harness.ts';
import { waitFor } from '../helpers/wait.ts';

const contentConfig = daemonYaml('200ms', `
checks:
  - file: applog
    path: \${DIR}/app.log
    rules:
      - ignore content = "ERROR expected"
      - if content = "ERROR" then alert
`);

test('content: new lines are matched once, ignores come first, the offset survives a restart and follows rotation', async (t) => {
  const dir = tempDir();
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const log = `${dir}/app.log`;
  writeFileSync(log, 'ERROR from before tsmonit watched: skipped on first sight\n');
  let h = await startMonitor(contentConfig, { dir });
  const contentEvents = () => h.events('applog').filter((e) => e.kind === 'content');
  await waitFor('first check', () => h.monitor.service('applog')?.status === 'OK');

  appendFileSync(log, 'INFO fine\nERROR expected during tests\n');
  await waitFor('two more checks', () => (h.monitor.service('applog')?.lastCheck ?? '') > new Date(Date.now() - 50).toISOString());
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(contentEvents(), [], 'the first-sight line and ignored lines raise nothing');

  appendFileSync(log, 'ERROR disk on fire\n');
  const failed = await waitFor('a content failure', () => contentEvents().find((e) => e.state === 'failed'));
  assert.equal(failed.message, `content match on ${log}:\nERROR disk on fire`);
  await waitFor('recovery on the next check without matches', () => contentEvents().find((e) => e.state === 'succeeded'));

  await h.quit();
  appendFileSync(log, 'ERROR while tsmonit was down\n');
  h = await startMonitor(contentConfig, { dir });
  t.after(() => h.quit());
  const downtime = await waitFor('the line written while down', () => contentEvents().find((e) => e.state === 'failed'));
  assert.match(downtime.message, /ERROR while tsmonit was down$/, 'read from the saved offset, not skipped as a first sight');
  assert.doesNotMatch(downtime.message, /disk on fire/, 'and not read twice');
  await waitFor('recovered again', () => contentEvents().some((e) => e.state === 'succeeded' && e.id > downtime.id));

  renameSync(log, `${log}.1`);
  writeFileSync(log, 'ERROR in the new file\n');
  await waitFor('the rotated file read from its start', () => contentEvents().some((e) => e.state === 'failed' && /ERROR in the new file$/.test(e.message)));
});

test('file attributes: changed checksum, size, permission; then gone; a directory and a fifo', async (t) => {
  const h = await startMonitor(daemonYaml('200ms', `
checks:
  - file: conf
    path: \${DIR}/app.conf
    rules:
      - if changed checksum then alert
      - if size > 100 B then alert
      - if failed permission 0640 then alert
      - if failed uid ${process.getuid!()} then alert
  - directory: spool
    path: \${DIR}/spool
    rules:
      - if failed permission 0700 then alert
  - fifo: pipe
    path: \${DIR}/pipe
  - directory: wrongtype
    path: \${DIR}/app.conf
`), { dir: (() => {
    const d = tempDir();
    writeFileSync(`${d}/app.conf`, 'a=1\n', { mode: 0o640 });
    chmodSync(`${d}/app.conf`, 0o640);
    mkdirSync(`${d}/spool`, { mode: 0o700 });
    execFileSync('mkfifo', [`${d}/pipe`]);
    return d;
  })() });
  t.after(() => h.cleanup());
  const conf = `${h.dir}/app.conf`;
  await waitFor('all checked', () => ['conf', 'spool', 'pipe'].every((n) => h.monitor.service(n)?.status === 'OK'));
  const status = h.monitor.service('conf')!;
  assert.equal(status.file?.size, 4);
  assert.equal(status.file?.mode, '0640');
  assert.equal(status.file?.checksumType, 'MD5');
  assert.equal(status.file?.checksum, execFileSync('md5sum', [conf], { encoding: 'utf8' }).split(' ')[0]);
  assert.equal(h.monitor.service('wrongtype')?.status, 'Invalid type');
  assert.match(h.events('wrongtype').find((e) => e.kind === 'invalid')?.message ?? '', /is not a directory \(it is a file\)/);

  writeFileSync(conf, 'a=2\n');
  const changed = await waitFor('checksum changed', () => h.events('conf').find((e) => e.kind === 'checksum' && e.state === 'changed'));
  assert.match(changed.message, /changed from [0-9a-f]{32} to [0-9a-f]{32} \(MD5\)/);

  appendFileSync(conf, 'x'.repeat(200));
  chmodSync(conf, 0o644);
  await waitFor('size and permission failures', () => {
    const s = h.monitor.service('conf');
    return s?.failures.includes('size') && s.failures.includes('permission');
  });
  assert.match(h.events('conf').find((e) => e.kind === 'permission')?.message ?? '', /current permission is 0644, expected 0640/);

  chmodSync(`${h.dir}/spool`, 0o755);
  await waitFor('directory permission failure', () => h.monitor.service('spool')?.failures.includes('permission'));

  rmSync(conf);
  await waitFor('does not exist', () => h.monitor.service('conf')?.status.startsWith('Does not exist'));
  assert.match(h.events('conf').find((e) => e.kind === 'nonexist')?.message ?? '', /file .*app\.conf does not exist \(no such file or directory\)/);
});
