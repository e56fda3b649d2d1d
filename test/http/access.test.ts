// The pieces of access control: host entries, stored passwords (cleartext, bcrypt, {SHA}, apr1),
// htpasswd files and the failed-login window.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import bcrypt from 'bcryptjs';
import { CredentialStore, MAX_USER_BYTES } from '../../src/http/credentials.ts';
import { HostAllowList, parseHostEntry } from '../../src/http/host-allow.ts';
import { LoginLimiter } from '../../src/http/login-limit.ts';
import { md5Crypt, parseMd5Crypt } from '../../src/http/md5-crypt.ts';
import { MemoryLogger } from './helpers/fake-monitor.ts';

describe('host entries', () => {
  const cases: Array<[string, string, boolean]> = [
    ['127.0.0.1', '127.0.0.1', true],
    ['127.0.0.1', '127.0.0.2', false],
    ['127.0.0.1', '::ffff:127.0.0.1', true], // an IPv4 client on a dual-stack listener
    ['192.168.0.0/24', '192.168.0.77', true],
    ['192.168.0.0/24', '192.168.1.1', false],
    ['10.0.0.0/255.0.0.0', '10.200.3.4', true],
    ['10.0.0.0/255.0.0.0', '11.0.0.1', false],
    ['::1', '::1', true],
    ['::1', '127.0.0.1', false],
    ['2001:db8::/32', '2001:db8:1::5', true],
    ['2001:db8::/32', '2001:db9::5', false],
    ['::ffff:10.0.0.0/104', '10.1.2.3', true],
  ];
  for (const [entry, client, allowed] of cases) {
    test(`${entry} ${allowed ? 'allows' : 'refuses'} ${client}`, async () => {
      const list = await HostAllowList.create([entry], new MemoryLogger(), async () => assert.fail('no lookup for literals'));
      assert.equal(list.allows(client), allowed);
    });
  }

  test('a non-netmask after the slash is not a literal', () => {
    assert.equal(parseHostEntry('10.0.0.0/255.0.255.0'), null);
    assert.equal(parseHostEntry('example.com'), null);
  });

  test('host names resolve once at start; a name that does not resolve allows nobody and is logged', async () => {
    const logger = new MemoryLogger();
    let lookups = 0;
    const list = await HostAllowList.create(['monitor.example', 'gone.example'], logger, async (name) => {
      lookups++;
      if (name === 'gone.example') throw new Error('ENOTFOUND');
      return ['192.0.2.10', '2001:db8::10'];
    });
    assert.ok(list.allows('192.0.2.10'));
    assert.ok(list.allows('2001:db8::10'));
    assert.ok(!list.allows('192.0.2.11'));
    assert.ok(!list.allows(undefined));
    assert.ok(!list.allows('not an address'));
    assert.equal(lookups, 2);
    assert.ok(logger.lines.some((l) => l.includes('gone.example') && l.includes('does not resolve')));
  });
});

describe('MD5-crypt (htpasswd apr1)', () => {
  // Vectors made with `openssl passwd -apr1 -salt ...` and `openssl passwd -1 -salt ...`.
  const vectors: Array<[string, string, '$apr1$' | '$1$', string]> = [
    ['secret', 'r31....', '$apr1$', '$apr1$r31....$gnsoqlxyxQQ0Ot5JCwiei.'],
    ['pässwörd longer than sixteen bytes!', 'abcdefgh', '$apr1$', '$apr1$abcdefgh$tBESyoF/90jSUm1gtsjyY0'],
    ['secret', 'saltsalt', '$1$', '$1$saltsalt$9xy1btjgzLYfb7hivXtC//'],
    ['', 'x', '$apr1$', '$apr1$x$tMwYqBfQwi3FYAr0aJc8M/'],
  ];
  for (const [password, salt, magic, expected] of vectors) {
    test(`${expected}`, () => {
      assert.equal(md5Crypt(password, salt, magic), expected);
      assert.deepEqual(parseMd5Crypt(expected), { magic, salt });
    });
  }

  test('agrees with openssl on a random password, when openssl is installed', (t) => {
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    const run = spawnSync('openssl', ['passwd', '-apr1', '-salt', 'Zq9/xy.1', password], { encoding: 'utf8' });
    if (run.error || run.status !== 0) return t.skip('openssl is not available');
    assert.equal(md5Crypt(password, 'Zq9/xy.1', '$apr1$'), run.stdout.trim());
  });
});

describe('credentials', () => {
  const dir = mkdtempSync(join(os.tmpdir(), 'tsmonit-htpasswd-'));
  const bcryptHash = bcrypt.hashSync('bcrypt-pw', 4);
  const htpasswd = join(dir, 'htpasswd');
  writeFileSync(
    htpasswd,
    [
      '# comment',
      `carol:${bcrypt.hashSync('carol-pw', 4).replace(/^\$2b\$/, '$2y$')}`,
      `dave:{SHA}${createHash('sha1').update('dave-pw').digest('base64')}`,
      `erin:${md5Crypt('erin-pw', 'abcd1234', '$apr1$')}`,
      'frank:rl5hd0FHkwHzM', // DES crypt: not supported, ignored
      '',
    ].join('\n'),
  );

  const store = async (logger = new MemoryLogger()) =>
    CredentialStore.create(
      [
        { kind: 'host', value: '127.0.0.1' },
        { kind: 'user', user: 'admin', password: 'monit', readonly: false },
        { kind: 'user', user: 'guest', password: 'guest', readonly: true },
        { kind: 'user', user: 'ops', password: bcryptHash, readonly: false },
        { kind: 'htpasswd', path: htpasswd, readonly: true },
      ],
      logger,
    );

  after(() => rmSync(dir, { recursive: true, force: true }));

  test('each kind of entry accepts its password and refuses others', async () => {
    const s = await store();
    const ok: Array<[string, string, boolean]> = [
      ['admin', 'monit', false], ['guest', 'guest', true], ['ops', 'bcrypt-pw', false],
      ['carol', 'carol-pw', true], ['dave', 'dave-pw', true], ['erin', 'erin-pw', true],
    ];
    for (const [user, password, readonly] of ok) assert.deepEqual(await s.check(user, password), { user, readonly }, user);
    const bad: Array<[string, string]> = [
      ['admin', 'monit '], ['admin', 'Monit'], ['Admin', 'monit'], ['ops', bcryptHash], ['carol', 'x'], ['dave', 'dave'],
      ['erin', 'erin-pw2'], ['frank', 'anything'], ['nobody', 'monit'], ['', ''], ['admin', ''],
    ];
    for (const [user, password] of bad) assert.equal(await s.check(user, password), null, `${user}:${password}`);
    assert.equal(await s.check('a'.repeat(MAX_USER_BYTES + 1), 'monit'), null);
    assert.equal(await s.check('admin', 'x'.repeat(100_000)), null);
  });

  test('an unsupported htpasswd line is logged without its hash', async () => {
    const logger = new MemoryLogger();
    await store(logger);
    const line = logger.lines.find((l) => l.includes('frank'));
    assert.ok(line, logger.lines.join('\n'));
    assert.ok(!line.includes('rl5hd0FHkwHzM'));
  });

  test('an unreadable htpasswd file refuses to start', async () => {
    await assert.rejects(
      CredentialStore.create([{ kind: 'htpasswd', path: join(dir, 'missing'), readonly: false }], new MemoryLogger()),
      (err: Error & { code?: string }) => err.code === 'TSM_E_HTTPD' && err.message.includes('missing'),
    );
  });
});

describe('failed-login window', () => {
  test('limit failures a minute per address, then blocked until the oldest is a minute old', () => {
    let now = 1_000_000;
    const limiter = new LoginLimiter(3, () => now);
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.blockedFor('10.0.0.1'), 0);
      limiter.fail('10.0.0.1');
      now += 1000;
    }
    assert.ok(limiter.blockedFor('10.0.0.1') > 0);
    assert.ok(limiter.blockedFor('10.0.0.1') <= 60);
    assert.equal(limiter.blockedFor('10.0.0.2'), 0, 'other addresses are not affected');
    now += 57_001; // the first failure is now a minute old
    assert.equal(limiter.blockedFor('10.0.0.1'), 0);
    limiter.fail('10.0.0.1');
    assert.ok(limiter.blockedFor('10.0.0.1') > 0, 'three failures within the minute again');
  });
});
