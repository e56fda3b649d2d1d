import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cliUser, connectHost, describeEndpoint, endpointsOf } from '../../src/cli/endpoints.ts';
import type { AllowEntry, Config } from '../../src/model/config.ts';

const BCRYPT = `$2y$10$${'b'.repeat(53)}`;
const user = (u: string, password: string, readonly = false): AllowEntry => ({ kind: 'user', user: u, password, readonly });

describe('the CLI user (monit: the first cleartext credential, preferring read-write)', () => {
  const cases: Array<[string, AllowEntry[], string | null]> = [
    ['first read-write cleartext', [{ kind: 'host', value: 'localhost' }, user('guest', 'g', true), user('admin', 'a'), user('ops', 'o')], 'admin'],
    ['bcrypt hashes are skipped', [user('hashed', BCRYPT), user('plain', 'p')], 'plain'],
    ['a read-only user when there is nothing else', [user('guest', 'g', true)], 'guest'],
    ['none', [{ kind: 'htpasswd', path: '/x', readonly: false }, user('hashed', BCRYPT)], null],
  ];
  for (const [name, allow, expected] of cases) test(name, () => assert.equal(cliUser(allow)?.user ?? null, expected));
});

describe('endpoints', () => {
  test('any-address listeners are reached on loopback', () => {
    assert.equal(connectHost('0.0.0.0'), '127.0.0.1');
    assert.equal(connectHost('::'), '::1');
    assert.equal(connectHost('[::1]'), '::1');
    assert.equal(connectHost('10.1.2.3'), '10.1.2.3');
  });
  test('the control socket first, then httpd', () => {
    const config = {
      controlSocket: '/run/t.sock',
      httpd: { port: 2812, address: '0.0.0.0', allow: [user('admin', 'pw')], loginLimit: 10, ssl: { cert: '/c.pem', key: '/k.pem' }, pos: { file: 'f', line: 1, col: 1 } },
    } as unknown as Config;
    const eps = endpointsOf(config);
    assert.deepEqual(eps, [
      { kind: 'socket', path: '/run/t.sock' },
      { kind: 'tcp', host: '127.0.0.1', port: 2812, tlsCert: '/c.pem', auth: { user: 'admin', password: 'pw' } },
    ]);
    assert.deepEqual(eps.map(describeEndpoint), ['control socket /run/t.sock', 'https://127.0.0.1:2812']);
    assert.deepEqual(endpointsOf({ controlSocket: false } as unknown as Config), []);
    assert.equal(describeEndpoint({ kind: 'tcp', host: '::1', port: 1, tlsCert: null, auth: null }), 'http://[::1]:1');
  });
});
