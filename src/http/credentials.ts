// The users of `httpd.allow`: `user:password [readonly]` entries (cleartext or bcrypt) and htpasswd files
// (bcrypt, {SHA}, apr1), read once at start. Nothing here ever logs or returns a password or a hash.
import { readFile } from 'node:fs/promises';
import { timingSafeEqual } from 'node:crypto';
import type { AllowEntry } from '../model/config.ts';
import { TsmonitError } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';
import { KnownLogins } from './known-logins.ts';
import { digest, htpasswdKind, isBcrypt, verifyPassword, type HashKind } from './password-hash.ts';

export interface Principal {
  user: string;
  readonly: boolean;
}

interface Credential {
  user: string;
  userDigest: Buffer;
  kind: HashKind;
  stored: string;
  readonly: boolean;
}

/** Longer names or passwords are refused without hashing (CVE-2004-1898 was an over-long user name). */
export const MAX_USER_BYTES = 256;
export const MAX_PASSWORD_BYTES = 1024;
const CACHE_MS = 5 * 60_000;
const CACHE_ENTRIES = 256;

function credential(user: string, kind: HashKind, stored: string, readonly: boolean): Credential {
  return { user, userDigest: digest(user), kind, stored, readonly };
}

export function parseHtpasswd(text: string, file: string, readonly: boolean, logger: Logger): Credential[] {
  const out: Credential[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const colon = line.indexOf(':');
    const user = colon > 0 ? line.slice(0, colon) : '';
    const stored = colon > 0 ? line.slice(colon + 1).split(':')[0]! : '';
    const kind = htpasswdKind(stored);
    if (user === '' || kind === null) {
      logger.warn(`httpd: ${file}:${i + 1}: ${user ? `the entry of user ${JSON.stringify(user)}` : 'this line'} is not a bcrypt, {SHA} or apr1 entry; ignored`);
      return;
    }
    out.push(credential(user, kind, stored, readonly));
  });
  return out;
}

export class CredentialStore {
  /** Digests of recently verified user:password pairs, so a dashboard does not pay bcrypt per request. */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();
  /** Authorization header values verified good against these credentials (auth.ts). */
  readonly known: KnownLogins;

  private constructor(
    private readonly credentials: Credential[],
    private readonly now: () => number,
  ) {
    this.known = new KnownLogins(now);
  }

  static async create(allow: readonly AllowEntry[], logger: Logger, now: () => number = Date.now): Promise<CredentialStore> {
    const credentials: Credential[] = [];
    for (const entry of allow) {
      if (entry.kind === 'user') {
        credentials.push(credential(entry.user, isBcrypt(entry.password) ? 'bcrypt' : 'cleartext', entry.password, entry.readonly));
      } else if (entry.kind === 'htpasswd') {
        let text: string;
        try {
          text = await readFile(entry.path, 'utf8');
        } catch (err) {
          throw new TsmonitError('TSM_E_HTTPD', `httpd: cannot read htpasswd file ${entry.path}: ${(err as Error).message}`);
        }
        credentials.push(...parseHtpasswd(text, entry.path, entry.readonly, logger));
      }
    }
    return new CredentialStore(credentials, now);
  }

  get size(): number {
    return this.credentials.length;
  }

  /** The principal for these credentials, or null. The user lookup touches every entry (no early exit). */
  async check(user: string, password: string): Promise<Principal | null> {
    if (Buffer.byteLength(user) > MAX_USER_BYTES || Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return null;
    const cacheKey = digest(`${user}\0${password}`).toString('base64');
    const cached = this.verified.get(cacheKey);
    if (cached && cached.until > this.now()) return cached.principal;
    const wanted = digest(user);
    let found: Credential | undefined;
    for (const c of this.credentials) {
      if (timingSafeEqual(wanted, c.userDigest) && found === undefined) found = c;
    }
    if (!found) {
      await verifyPassword('cleartext', 'no such user', password); // spend what a cleartext check costs
      return null;
    }
    if (!(await verifyPassword(found.kind, found.stored, password))) return null;
    const principal = { user: found.user, readonly: found.readonly };
    if (this.verified.size >= CACHE_ENTRIES) this.verified.clear();
    this.verified.set(cacheKey, { principal, until: this.now() + CACHE_MS });
    return principal;
  }
}
