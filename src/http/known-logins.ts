// The last few Authorization header values that were verified good, so a client that keeps sending the
// same header (a dashboard, a script polling the status) skips Basic parsing, the keyed digest and, for a
// bcrypt or MD5-crypt password, the hash itself (HTTP benchmark profile). Only successes are kept; a value
// is compared in constant time with every entry (its length aside); entries expire like the credential
// store's own cache. One per CredentialStore, so new credentials always start with nothing known.
import { timingSafeEqual } from 'node:crypto';
import type { Principal } from './credentials.ts';

const ENTRIES = 8;
const KEEP_MS = 5 * 60_000;

interface Known {
  header: Buffer;
  principal: Principal;
  until: number;
}

export class KnownLogins {
  private readonly entries: Known[] = [];
  private next = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** Who this exact header value was verified as, or null (then the full check runs). */
  principal(header: string): Principal | null {
    if (this.entries.length === 0) return null;
    const given = Buffer.from(header, 'latin1');
    const now = this.now();
    let found: Principal | null = null;
    // No early exit: every entry is compared, whichever matches.
    for (const e of this.entries) {
      const same = e.header.length === given.length && timingSafeEqual(e.header, given);
      if (same && e.until > now && found === null) found = e.principal;
    }
    return found;
  }

  /** Only after the header's credentials were verified good. */
  remember(header: string, principal: Principal): void {
    const entry = { header: Buffer.from(header, 'latin1'), principal, until: this.now() + KEEP_MS };
    const i = this.entries.findIndex((e) => e.header.equals(entry.header));
    if (i >= 0) {
      this.entries[i] = entry;
    } else if (this.entries.length < ENTRIES) {
      this.entries.push(entry);
    } else {
      this.entries[this.next] = entry;
      this.next = (this.next + 1) % ENTRIES;
    }
  }

  get size(): number {
    return this.entries.length;
  }
}
