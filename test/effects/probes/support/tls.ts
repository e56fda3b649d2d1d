// Self-signed certificates made by openssl for TLS tests (EC keys: quick to make).
import { execFileSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestCert {
  key: string;
  cert: string;
  sha1: string;
  sha256: string;
  md5: string;
  validTo: Date;
}

const made = new Map<number, TestCert>();

/** A self-signed certificate for CN=localhost valid for `days` from now. */
export function selfSigned(days: number): TestCert {
  const cached = made.get(days);
  if (cached) return cached;
  const dir = mkdtempSync(join(tmpdir(), 'tsmonit-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', String(days), '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1'], { stdio: 'ignore' });
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    const raw = new X509Certificate(cert).raw;
    const digest = (a: string): string => createHash(a).update(raw).digest('hex');
    const result: TestCert = {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert, sha1: digest('sha1'), sha256: digest('sha256'), md5: digest('md5'),
      validTo: new Date(new X509Certificate(cert).validTo),
    };
    made.set(days, result);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
