// How one stored password is checked: cleartext, bcrypt, {SHA} or MD5-crypt. Comparisons of equal-length
// keyed digests with timingSafeEqual, so the time does not depend on where two strings differ.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { md5Crypt, parseMd5Crypt } from './md5-crypt.ts';

export type HashKind = 'cleartext' | 'bcrypt' | 'sha1' | 'md5-crypt';

const BCRYPT = /^\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}$/;
const SHA1 = /^\{SHA\}[A-Za-z0-9+/]{27}=$/;

/** A per-process key: digests of secrets are never comparable across runs nor reversible. */
const KEY = randomBytes(32);

export function digest(text: string): Buffer {
  return createHmac('sha256', KEY).update(text, 'utf8').digest();
}

export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

export function isBcrypt(stored: string): boolean {
  return BCRYPT.test(stored);
}

/** The kind of a hash in an htpasswd file, or null when tsmonit cannot check it (DES crypt, SHA-crypt...). */
export function htpasswdKind(stored: string): Exclude<HashKind, 'cleartext'> | null {
  if (BCRYPT.test(stored)) return 'bcrypt';
  if (SHA1.test(stored)) return 'sha1';
  if (parseMd5Crypt(stored)) return 'md5-crypt';
  return null;
}

export async function verifyPassword(kind: HashKind, stored: string, given: string): Promise<boolean> {
  switch (kind) {
    case 'cleartext':
      return sameSecret(given, stored);
    case 'bcrypt':
      // $2y$ (PHP, htpasswd -B) is the same algorithm as $2b$.
      return bcrypt.compare(given, stored.replace(/^\$2y\$/, '$2b$'));
    case 'sha1':
      return sameSecret(`{SHA}${createHash('sha1').update(given, 'utf8').digest('base64')}`, stored);
    case 'md5-crypt': {
      const parsed = parseMd5Crypt(stored);
      return parsed !== null && sameSecret(md5Crypt(given, parsed.salt, parsed.magic), stored);
    }
  }
}
