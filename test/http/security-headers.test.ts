// The security headers are a fixed list made once per server (src/http/security-headers.ts), replacing
// @fastify/helmet, which rebuilt them per request. These are exactly the headers helmet wrote with
// tsmonit's options (recorded from it before the change), on every kind of answer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { securityHeaders } from '../../src/http/security-headers.ts';
import { ADMIN, STANDARD_ALLOW, basic, httpdConfig } from './helpers/fake-monitor.ts';
import { listening, rawRequest, statusOf, testServer } from './helpers/server.ts';

const HELMET = [
  "content-security-policy: default-src 'self';script-src 'self';style-src 'self';img-src 'self' data:;connect-src 'self';font-src 'self';object-src 'none';base-uri 'none';form-action 'self';frame-ancestors 'none'",
  'cross-origin-opener-policy: same-origin',
  'cross-origin-resource-policy: same-origin',
  'origin-agent-cluster: ?1',
  'referrer-policy: same-origin',
  'x-content-type-options: nosniff',
  'x-dns-prefetch-control: off',
  'x-download-options: noopen',
  'x-frame-options: DENY',
  'x-permitted-cross-domain-policies: none',
  'x-xss-protection: 0',
];

/** The answer's header lines that are security headers, lower-cased names, in order. */
function securityLines(answer: string): string[] {
  const head = answer.slice(0, answer.indexOf('\r\n\r\n')).split('\r\n').slice(1);
  const names = new Set(HELMET.map((l) => l.slice(0, l.indexOf(':'))).concat('strict-transport-security'));
  return head.map((l) => {
    const colon = l.indexOf(':');
    return `${l.slice(0, colon).toLowerCase()}: ${l.slice(colon + 1).trim()}`;
  }).filter((l) => names.has(l.slice(0, l.indexOf(':'))));
}

describe('security headers', () => {
  test('every answer carries exactly helmet\'s headers: a page, JSON, 401, 404, 414, 400 from a hook', async (t) => {
    const { app, httpd } = await testServer(t);
    const port = await listening(app, httpd);
    const auth = `Authorization: ${basic(ADMIN.user, ADMIN.password)}\r\n`;
    const cases: Array<[string, number]> = [
      [`GET / HTTP/1.1\r\nHost: x\r\n${auth}\r\n`, 200],
      [`GET /api/v1/services HTTP/1.1\r\nHost: x\r\n${auth}\r\n`, 200],
      [`GET /_status?format=xml HTTP/1.1\r\nHost: x\r\n${auth}\r\n`, 200],
      ['GET /api/v1/services HTTP/1.1\r\nHost: x\r\n\r\n', 401],
      [`GET /api/v1/services HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic(ADMIN.user, 'wrong')}\r\n\r\n`, 401],
      [`GET /nope HTTP/1.1\r\nHost: x\r\n${auth}\r\n`, 404],
      [`GET /${'a'.repeat(5000)} HTTP/1.1\r\nHost: x\r\n${auth}\r\n`, 414],
      [`GET /_status?x=%zz HTTP/1.1\r\nHost: x\r\n${auth}\r\n`, 400],
    ];
    for (const [request, status] of cases) {
      const answer = await rawRequest(port, `${request.replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n')}`);
      assert.equal(statusOf(answer), status, request.slice(0, 40));
      assert.deepEqual(securityLines(answer), HELMET, request.slice(0, 40));
    }
  });

  test('HSTS (max-age one year, no subdomains) only with TLS', () => {
    const plain = securityHeaders(false).map(([n]) => n.toLowerCase());
    const tls = securityHeaders(true);
    assert.ok(!plain.includes('strict-transport-security'));
    assert.deepEqual(tls.filter(([n]) => n === 'Strict-Transport-Security'), [['Strict-Transport-Security', 'max-age=31536000']]);
    assert.equal(tls.length, plain.length + 1);
  });

  test('the same headers on a server built for the control socket', async (t) => {
    const { app } = await testServer(t, { build: { transport: 'socket', httpd: httpdConfig(STANDARD_ALLOW) } });
    const r = await app.inject({ url: '/api/v1/services' });
    assert.equal(r.statusCode, 200);
    for (const line of HELMET) {
      const [name, value] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)];
      assert.equal(r.headers[name], value, name);
    }
  });
});
