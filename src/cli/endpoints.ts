// Where the daemon listens, from its control file: the control socket first (no auth, mode 0600),
// then httpd with the first read-write cleartext user (monit's rule), else the first cleartext user.
import type { AllowEntry, Config } from '../model/config.ts';

export type Endpoint =
  | { kind: 'socket'; path: string }
  | {
      kind: 'tcp';
      host: string;
      port: number;
      /** The configured certificate file: the CLI trusts exactly it (a pin, so self-signed works). */
      tlsCert: string | null;
      auth: { user: string; password: string } | null;
    };

/** bcrypt hashes are not passwords the CLI can send (http/password-hash.ts BCRYPT). */
const BCRYPT = /^\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{53}$/;

type UserEntry = Extract<AllowEntry, { kind: 'user' }>;

export function cliUser(allow: readonly AllowEntry[]): UserEntry | null {
  const cleartext = allow.filter((e): e is UserEntry => e.kind === 'user' && !BCRYPT.test(e.password));
  return cleartext.find((e) => !e.readonly) ?? cleartext[0] ?? null;
}

/** A listener on every interface is reached on loopback. */
export function connectHost(address: string): string {
  if (address === '' || address === '0.0.0.0') return '127.0.0.1';
  if (address === '::' || address === '[::]') return '::1';
  return address.replace(/^\[(.*)\]$/, '$1');
}

export function endpointsOf(config: Config): Endpoint[] {
  const out: Endpoint[] = [];
  if (config.controlSocket) out.push({ kind: 'socket', path: config.controlSocket });
  const httpd = config.httpd;
  if (httpd) {
    const user = cliUser(httpd.allow);
    out.push({
      kind: 'tcp', host: connectHost(httpd.address), port: httpd.port, tlsCert: httpd.ssl?.cert ?? null,
      auth: user ? { user: user.user, password: user.password } : null,
    });
  }
  return out;
}

export function describeEndpoint(e: Endpoint): string {
  if (e.kind === 'socket') return `control socket ${e.path}`;
  const host = e.host.includes(':') ? `[${e.host}]` : e.host;
  return `${e.tlsCert ? 'https' : 'http'}://${host}:${e.port}`;
}
