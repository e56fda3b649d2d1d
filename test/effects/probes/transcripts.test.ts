// mysql, ftp, imap and pop against byte transcripts recorded from real servers (MariaDB, vsftpd,
// Dovecot; test/fixtures/transcripts/record.ts), replayed by a server that closes on any byte the
// probe sends differently from the recording.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createProber } from '../../../src/effects/probes/prober.ts';
import type { ConnectionTest } from '../../../src/model/rule.ts';
import { loadTranscript, replayServer, type Replay } from '../../fixtures/transcripts/transcript.ts';
import { context } from './support/probe.ts';

const prober = createProber();

const CASES = [
  'ftp-vsftpd', 'ftp-vsftpd-refusing', 'imap-dovecot', 'pop-dovecot', 'mysql-mariadb-handshake', 'mysql-mariadb-login',
  'mysql-mariadb-wrong-password', 'mysql-mariadb-no-password', 'mysql-mariadb-ed25519-user',
];

describe('replayed transcripts give the result recorded against the real server', () => {
  const replays: Replay[] = [];
  after(async () => { await Promise.all(replays.map((r) => r.close())); });

  for (const name of CASES) {
    test(name, async () => {
      const transcript = loadTranscript(name);
      const replay = await replayServer(transcript);
      replays.push(replay);
      const probeTest = { kind: 'connection', target: { type: 'port', port: replay.port, socket: 'tcp' }, ...(transcript.test as object) } as ConnectionTest;
      const result = await prober.probe(probeTest, context);
      assert.equal(result.ok, transcript.result.ok, result.message);
      assert.equal(result.message, transcript.result.message);
      const session = replay.sessions[0];
      assert.equal(session?.mismatch, undefined, 'the probe sent what it sent to the real server');
    });
  }
});

describe('the replay server is strict (so the transcript tests can fail)', () => {
  test('a probe speaking another protocol to a recorded ftp server fails', async () => {
    const replay = await replayServer(loadTranscript('ftp-vsftpd'));
    try {
      const result = await prober.probe({ kind: 'connection', target: { type: 'port', port: replay.port, socket: 'tcp' },
        protocol: { name: 'pop', options: {} } }, context);
      assert.equal(result.ok, false);
      assert.equal(result.message, "POP: the greeting was '220 (vsFTPd 3.0.3)', expected +OK");
    } finally {
      await replay.close();
    }
  });

  test('a wrong password scramble does not get the recorded OK', async () => {
    const replay = await replayServer(loadTranscript('mysql-mariadb-login'));
    try {
      const result = await prober.probe({ kind: 'connection', target: { type: 'port', port: replay.port, socket: 'tcp' },
        protocol: { name: 'mysql', options: { username: 'probe', password: 'not-pw' } } }, context);
      assert.equal(result.ok, false);
      assert.match(result.message, /^MYSQL: the server closed the connection while waiting for the answer to the login$/);
      assert.match(replay.sessions[0]?.mismatch ?? '', /^step 1/);
    } finally {
      await replay.close();
    }
  });
});
