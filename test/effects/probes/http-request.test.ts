import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHttpRequest } from '../../../src/effects/probes/http-request.ts';
import type { ProtocolSpec } from '../../../src/model/rule.ts';

function lines(options: ProtocolSpec['options'], host = 'example.org', port: number | null = 8080): string[] {
  const request = buildHttpRequest({ options, host, port });
  assert.ok(request.endsWith('\r\n\r\n'));
  return request.slice(0, -4).split('\r\n');
}

test('the default request: GET /, Host with port, monit default headers', () => {
  assert.deepEqual(lines({}), [
    'GET / HTTP/1.1', 'Host: example.org:8080', 'User-Agent: tsmonit/0.1', 'Accept: */*', 'Accept-Encoding: identity', 'Connection: close',
  ]);
});

test('Host: port 80 and 443 left out, IPv6 in brackets, a unix socket is localhost, hostheader overrides', () => {
  assert.equal(lines({}, 'example.org', 80)[1], 'Host: example.org');
  assert.equal(lines({}, 'example.org', 443)[1], 'Host: example.org');
  assert.equal(lines({}, '::1', 8080)[1], 'Host: [::1]:8080');
  assert.equal(lines({}, 'localhost', null)[1], 'Host: localhost');
  assert.equal(lines({ hostheader: 'virtual.example' })[1], 'Host: virtual.example');
});

test('request as a path, without its slash, or as a full URL (proxy test); method upper-cased', () => {
  assert.equal(lines({ request: '/status?full' })[0], 'GET /status?full HTTP/1.1');
  assert.equal(lines({ request: 'health' })[0], 'GET /health HTTP/1.1');
  assert.equal(lines({ request: 'http://origin.example/x', method: 'head' })[0], 'HEAD http://origin.example/x HTTP/1.1');
});

test('credentials become Basic auth; user headers replace defaults of the same name', () => {
  const withAuth = lines({ username: 'admin', password: 'p:w' });
  assert.equal(withAuth[1], `Authorization: Basic ${Buffer.from('admin:p:w').toString('base64')}`);
  const custom = lines({ headers: 'Host: other.example\nUser-Agent: probe/1\nX-Trace: 1' });
  assert.deepEqual(custom, [
    'GET / HTTP/1.1', 'Accept: */*', 'Accept-Encoding: identity', 'Connection: close',
    'Host: other.example', 'User-Agent: probe/1', 'X-Trace: 1',
  ]);
});
