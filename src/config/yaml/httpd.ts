// `httpd:` the web server: port, address, ssl, allow list, login_limit (config.md "httpd").
import { isIP } from 'node:net';
import { isMap } from 'yaml';
import type { AllowEntry, HttpdConfig } from '../../model/config.ts';
import { expandHome } from '../paths.ts';
import type { Entry, Field, YamlSource } from './source.ts';
import { bool, byKey, checkKeys, entriesOf, int, isPresent, itemsOf, str } from './values.ts';

const HTTPD_KEYS = ['port', 'address', 'ssl', 'allow', 'login_limit'];
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?$/i;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

function isNetmask(mask: string): boolean {
  if (isIP(mask) !== 4) return false;
  const bits = mask.split('.').map((o) => Number(o).toString(2).padStart(8, '0')).join('');
  return /^1*0*$/.test(bits);
}

/** An IP address, CIDR, address/netmask or host name. */
export function isHostEntry(s: string): boolean {
  if (isIP(s) !== 0 || HOST_NAME.test(s)) return true;
  const [addr, prefix, ...rest] = s.split('/');
  if (rest.length > 0 || addr === undefined || prefix === undefined) return false;
  const family = isIP(addr);
  if (family === 0) return false;
  if (/^\d+$/.test(prefix)) return Number(prefix) <= (family === 4 ? 32 : 128);
  return family === 4 && isNetmask(prefix);
}

function allowString(src: YamlSource, f: Field, s: string): AllowEntry | undefined {
  const text = s.trim();
  if (isHostEntry(text)) return { kind: 'host', value: text };
  const m = /^([^:\s]+):(\S+)(?:\s+(readonly|read-only))?$/i.exec(text);
  if (m) return { kind: 'user', user: m[1] as string, password: m[2] as string, readonly: m[3] !== undefined };
  // Never echo the entry: a mistyped `user:pass word` would put a password in the error output.
  const shown = text.includes(':') ? `${text.slice(0, text.indexOf(':'))}:...` : text;
  src.diags.error('TSM_E_HTTPD', f.pos, `${f.name} '${shown}' is neither a host, address or network nor user:password [readonly]`);
  return undefined;
}

function allowObject(src: YamlSource, f: Field, home: string): AllowEntry | undefined {
  const entries = entriesOf(src, f) ?? [];
  const keys = byKey(entries);
  const readonlyField = keys.get('readonly');
  const readonly = readonlyField ? bool(src, readonlyField) ?? false : false;
  if (keys.has('htpasswd')) {
    checkKeys(src, entries, ['htpasswd', 'readonly'], f.name);
    const path = str(src, keys.get('htpasswd') as Field);
    return path === undefined ? undefined : { kind: 'htpasswd', path: expandHome(path, home), readonly };
  }
  checkKeys(src, entries, ['user', 'password', 'readonly'], f.name);
  const user = keys.get('user');
  const password = keys.get('password');
  if (!user || !password) {
    src.diags.error('TSM_E_REQUIRED', f.pos, `${f.name} needs user and password (or htpasswd)`);
    return undefined;
  }
  const u = str(src, user);
  const p = str(src, password);
  return u === undefined || p === undefined ? undefined : { kind: 'user', user: u, password: p, readonly };
}

function readAllow(src: YamlSource, f: Field, home: string): AllowEntry[] {
  return (itemsOf(src, f) ?? []).flatMap((item) => {
    const node = src.deref(item.node);
    if (node && isMap(node)) return allowObject(src, item, home) ?? [];
    const text = str(src, item);
    return (text === undefined ? undefined : allowString(src, item, text)) ?? [];
  });
}

function readSsl(src: YamlSource, f: Field, home: string): HttpdConfig['ssl'] {
  const entries = entriesOf(src, f);
  if (!entries) return undefined;
  checkKeys(src, entries, ['cert', 'key'], f.name);
  const keys = byKey(entries);
  const cert = keys.get('cert');
  const key = keys.get('key');
  if (!cert || !key) {
    src.diags.error('TSM_E_REQUIRED', f.pos, `${f.name} needs cert and key`);
    return undefined;
  }
  const c = str(src, cert);
  const k = str(src, key);
  return c === undefined || k === undefined ? undefined : { cert: expandHome(c, home), key: expandHome(k, home) };
}

export function readHttpd(src: YamlSource, f: Entry, home: string): HttpdConfig | undefined {
  const entries = entriesOf(src, f);
  if (!entries) return undefined;
  checkKeys(src, entries, HTTPD_KEYS, 'httpd');
  const keys = byKey(entries);
  const get = <T>(k: string, read: (e: Field) => T | undefined, dflt: T): T => {
    const e = keys.get(k);
    return e ? read(e) ?? dflt : dflt;
  };
  const port = get('port', (e) => int(src, e, 1, 65_535), 2812);
  const address = get('address', (e) => str(src, e), '127.0.0.1');
  const ssl = isPresent(src, keys.get('ssl')) ? readSsl(src, keys.get('ssl') as Field, home) : undefined;
  const allow = get('allow', (e) => readAllow(src, e, home), [] as AllowEntry[]);
  const loginLimit = get('login_limit', (e) => int(src, e, 1), 10);
  if (!allow.some((a) => a.kind !== 'host')) {
    src.diags.error('TSM_E_HTTPD', f.keyPos, 'httpd needs at least one user in allow (user:password or htpasswd): no unauthenticated control from the network');
  }
  if (!LOOPBACK.test(address) && !ssl) {
    src.diags.warn('TSM_W_NO_TLS', keys.get('address')?.pos ?? f.keyPos, `httpd listens on ${address} without ssl: passwords cross the network in clear text`);
  }
  return { port, address, ...(ssl ? { ssl } : {}), allow, loginLimit, pos: f.keyPos };
}
