// httpd.ssl: TLS 1.2 or newer only, HSTS on TLS, the same auth. The certificate is made by openssl for
// the test (skipped where openssl is missing).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SecureVersion } from 'node:tls';
import { tempDir } from '../helpers/harness.ts';
import { ADMIN, STANDARD_ALLOW, basic, httpdConfig } from './helpers/fake-monitor.ts';
import { listening, testServer } from './helpers/server.ts';

function httpsGet(port: number, path: string, tls: { minVersion?: SecureVersion; maxVersion?: SecureVersion } = {}, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; protocol: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers, rejectUnauthorized: false, agent: false, ...tls }, (res) => {
      const protocol = (res.socket as import('node:tls').TLSSocket).getProtocol() ?? '';
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, protocol }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('ssl: {cert, key} serves TLS 1.2+ with HSTS and refuses older clients', async (t) => {
  const dir = tempDir('tsmonit-tls-');
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key, '-out', cert, '-subj', '/CN=localhost', '-days', '1'], { encoding: 'utf8' });
  if (made.error || made.status !== 0) return t.skip('openssl is not available');

  const httpd = httpdConfig(STANDARD_ALLOW, { ssl: { cert, key } });
  const { app } = await testServer(t, { httpd });
  const port = await listening(app, httpd);

  const ok = await httpsGet(port, '/api/v1/services', {}, { authorization: basic(ADMIN.user, ADMIN.password) });
  assert.equal(ok.status, 200);
  assert.match(String(ok.headers['strict-transport-security']), /max-age=\d+/);
  assert.match(String(ok.headers['set-cookie']), /; Secure$/);
  assert.equal((await httpsGet(port, '/api/v1/services')).status, 401);
  assert.equal((await httpsGet(port, '/_ping', { maxVersion: 'TLSv1.2' }, { authorization: basic(ADMIN.user, ADMIN.password) })).protocol, 'TLSv1.2');
  await assert.rejects(httpsGet(port, '/_ping', { minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }), 'TLS 1.1 is refused');
});

test('an unreadable certificate refuses to start', async (t) => {
  await assert.rejects(testServer(t, { httpd: httpdConfig(STANDARD_ALLOW, { ssl: { cert: '/nonexistent/cert.pem', key: '/nonexistent/key.pem' } }) }), { code: 'TSM_E_HTTPD' });
});
