import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProber } from '../../../src/effects/probes/prober.ts';
import { context, portTest } from './support/probe.ts';
import { sayingServer, scriptedServer, type Scripted } from './support/scripted.ts';
import { freePort, requireBinary, startDaemon, waitForPort, type Daemon } from './support/servers.ts';

const prober = createProber();

describe('ssh', () => {
  const cleanup: Array<Daemon | Scripted> = [];
  let dir = '';
  after(async () => {
    await Promise.all(cleanup.map((c) => (('stop' in c) ? c.stop() : c.close())));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('a real sshd identifies itself', async (t) => {
    const sshd = requireBinary(t, 'sshd', 'openssh-server');
    const keygen = requireBinary(t, 'ssh-keygen', 'openssh-client');
    if (!sshd || !keygen) return;
    dir = await mkdtemp(join(tmpdir(), 'tsmonit-sshd-'));
    execFileSync(keygen, ['-q', '-t', 'ed25519', '-N', '', '-f', join(dir, 'host_key')]);
    const port = await freePort();
    await writeFile(join(dir, 'sshd_config'), [
      `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${join(dir, 'host_key')}`, `PidFile ${join(dir, 'sshd.pid')}`,
      'UsePAM no', 'StrictModes no', 'PasswordAuthentication no', '',
    ].join('\n'));
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 }); // sshd's privilege separation directory
    const daemon = startDaemon(sshd, ['-D', '-e', '-f', join(dir, 'sshd_config')]);
    cleanup.push(daemon);
    await waitForPort(port).catch((error: Error) => { throw new Error(`${error.message}: ${daemon.output()}`); });
    const result = await prober.probe(portTest(port, 'ssh'), context);
    assert.equal(result.ok, true, result.message);
    assert.match(result.message, /^SSH: server identifies as 'SSH-2\.0-OpenSSH_[^']+'$/);
  });

  test('lines before the identification are allowed (RFC 4253)', async () => {
    const s = await scriptedServer((socket) => {
      socket.write('Welcome to the bastion\r\nSSH-2.0-Fake_1.0\r\n');
      socket.once('data', () => socket.end());
    });
    cleanup.push(s);
    const result = await prober.probe(portTest(s.port, 'ssh'), context);
    assert.equal(result.ok, true, result.message);
  });

  test('a server that is not ssh fails, quoting its first line', async () => {
    const smtp = await sayingServer('220 mail ESMTP ready\r\n');
    cleanup.push(smtp);
    const result = await prober.probe(portTest(smtp.port, 'ssh', {}, { timeoutMs: 400 }), context);
    assert.equal(result.ok, false);
    assert.equal(result.message, "SSH: expected an 'SSH-' identification line, got '220 mail ESMTP ready' "
      + '(then timed out after 400 ms waiting for the identification line (nothing received))');
  });
});
