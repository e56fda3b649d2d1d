// `certificate valid > N days` and `certificate checksum HEX` on the peer's certificate.
import { createHash } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import type { ConnectionTest } from '../../model/rule.ts';
import { ProbeFailure } from './failure.ts';

const DAY_MS = 86_400_000;

/** The digest named by the hex length, as monit: 32 md5, 40 sha1, 64 sha256. */
export function digestOf(hex: string): 'md5' | 'sha1' | 'sha256' | null {
  switch (hex.length) {
    case 32: return 'md5';
    case 40: return 'sha1';
    case 64: return 'sha256';
    default: return null;
  }
}

/** Lower-case hex without separators ("AB:CD" -> "abcd"). */
export function normalHex(text: string): string {
  return text.replace(/[:\s]/g, '').toLowerCase();
}

/** Throws a ProbeFailure when the certificate does not satisfy the test's certificate options. */
export function checkCertificate(test: ConnectionTest, socket: TLSSocket, now = Date.now()): void {
  const wanted = test.certificate;
  if (!wanted) return;
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) throw new ProbeFailure('the server sent no certificate');
  if (wanted.validDays !== undefined) {
    const expires = Date.parse(cert.valid_to);
    const days = (expires - now) / DAY_MS;
    if (Number.isNaN(days)) throw new ProbeFailure(`certificate expiry '${cert.valid_to}' cannot be read`);
    if (days < 0) throw new ProbeFailure(`certificate expired on ${cert.valid_to}`);
    if (days < wanted.validDays) {
      throw new ProbeFailure(`certificate is valid for ${Math.floor(days)} more days (until ${cert.valid_to}), `
        + `less than the ${wanted.validDays} days required`);
    }
  }
  if (wanted.checksum !== undefined) {
    const expect = normalHex(wanted.checksum);
    const algorithm = digestOf(expect);
    if (!algorithm) throw new ProbeFailure(`certificate checksum '${wanted.checksum}' is not an md5, sha1 or sha256 digest`);
    const actual = createHash(algorithm).update(cert.raw).digest('hex');
    if (actual !== expect) throw new ProbeFailure(`certificate ${algorithm} checksum is ${actual}, expected ${expect}`);
  }
}
