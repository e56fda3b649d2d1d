// Global statements held in the model for conversion but not acted on: `set ssl { ... }` and
// `set mmonit URL ...` (monit.md 1.5, 1.7).
import { posOf, type MCursor } from './cursor.ts';
import type { SetHandler } from './set-basic.ts';
import { readSslBlock, sslRecord } from './ssl-options.ts';
import { readQuantity } from './values.ts';

const URL_WORD = /^[a-z][a-z0-9+.-]*:\/\//i;

function isUrl(c: MCursor): boolean {
  const t = c.peek();
  return (t?.kind === 'word' || t?.kind === 'string') && URL_WORD.test(t.value);
}

const ssl: SetHandler = (c, st, kw) => {
  st.settings.held.ssl = sslRecord(readSslBlock(c));
  st.notActedOn(posOf(kw), `'set ${kw.lower}'`);
  return 'ssl';
};

/** `[ "a", b, ... ]` (or one name without brackets). */
function hostgroups(c: MCursor): string[] {
  const first = c.expectValue('a list of host groups such as ["web", "db"]');
  const bracketed = first.kind === 'word' && first.text.startsWith('[');
  const out: string[] = [];
  let t: typeof first | undefined = first;
  for (;;) {
    const raw = t.kind === 'string' ? t.value : t.text.replace(/^\[/, '').replace(/\]$/, '');
    if (raw !== '') out.push(raw);
    if (!bracketed || (t.kind === 'word' && t.text.endsWith(']'))) return out;
    t = c.peek();
    if (!t || (t.kind !== 'word' && t.kind !== 'string')) c.fail("']' to close the host groups", t);
    c.next();
  }
}

/** `set mmonit URL [timeout N s] [ssl {...}] [certificate checksum [md5|sha1] HEX] [register credentials] [hostgroups [...]] {URL}` */
const mmonit: SetHandler = (c, st, kw) => {
  const m: { urls: string[]; timeoutMs?: number; ssl?: Record<string, string>; checksum?: string; registerCredentials?: boolean; hostgroups?: string[] } = { urls: [] };
  if (!isUrl(c)) c.fail('an M/Monit URL such as http://user:pass@mmonit:8080/collector');
  for (;;) {
    if (isUrl(c)) m.urls.push((c.next() as { value: string }).value);
    else if (c.accept('timeout')) m.timeoutMs = readQuantity(c, 'time', 'mmonit timeout', 'seconds');
    else if (c.accept('ssl', 'tls')) m.ssl = sslRecord(readSslBlock(c));
    else if (c.accept('certificate')) {
      c.accept('checksum');
      c.accept('md5', 'sha1');
      m.checksum = c.expectValue('a certificate checksum').value;
    } else if (c.accept('register')) {
      // `register without credentials` and `register credentials` both turn registration off (monit.md 1.2).
      c.expect(['credentials']);
      m.registerCredentials = false;
    } else if (c.accept('hostgroups', 'hostgroup')) m.hostgroups = hostgroups(c);
    else break;
  }
  st.settings.held.mmonit = m;
  st.notActedOn(posOf(kw), "'set mmonit'");
  return 'mmonit';
};

export const HELD_SETS: Record<string, SetHandler> = { ssl, tls: ssl, mmonit };
