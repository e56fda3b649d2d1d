// `set httpd` (monit.md 1.6): port, address, unixsocket, read-only, ssl/pemfile, allow entries.
// Several `set httpd` statements add up. What tsmonit cannot enforce (PAM groups, client
// certificates, htpasswd user filters, cleartext or DES-crypt htpasswd files) is an error,
// never a silently weaker access control.
import { expandHome } from '../paths.ts';
import { isHostEntry } from '../yaml/httpd.ts';
import { posOf, type MCursor } from './cursor.ts';
import { isMonitKeyword } from './keywords.ts';
import type { MToken } from './lexer.ts';
import type { SetHandler } from './set-basic.ts';
import { readSslBlock } from './ssl-options.ts';
import type { HttpdDraft, ParseState } from './state.ts';
import { readInteger } from './values.ts';

const OPTIONS = [
  'port', 'address', 'bind', 'unixsocket', 'readonly', 'read-only', 'ssl', 'tls', 'pemfile', 'pemchain', 'pemkey',
  'clientpemfile', 'allowselfcertification', 'signature', 'allow',
];
const READ_ONLY = ['readonly', 'read-only'];

function unsupported(c: MCursor, at: MToken, what: string): never {
  return c.error(at, `${what} is not supported by tsmonit`, 'TSM_E_UNSUPPORTED');
}

function pem(c: MCursor, st: ParseState, h: HttpdDraft, key: string, at: MToken, value: string): void {
  const path = expandHome(value, st.env.home);
  if (key === 'pemfile') {
    h.cert = path;
    h.key = path;
  } else if (key === 'pemchain') h.cert = path;
  else if (key === 'pemkey') h.key = path;
  else if (key === 'clientpemfile') unsupported(c, at, 'client certificate authentication (clientpemfile)');
  else st.ignored(posOf(at), `the httpd ssl option '${key}'`, 'the listener uses Node\'s TLS defaults (TLS 1.2 and later)');
}

function ssl(c: MCursor, st: ParseState, h: HttpdDraft, at: MToken): void {
  h.sslAt ??= posOf(at);
  c.accept('enable', 'disable');
  for (const o of readSslBlock(c)) {
    if (['pemfile', 'pemchain', 'pemkey', 'clientpemfile'].includes(o.key)) pem(c, st, h, o.key, at, o.value);
    else st.ignored(o.pos, `the httpd ssl option '${o.key}'`, 'the listener uses Node\'s TLS defaults (TLS 1.2 and later)');
  }
}

function userEntry(c: MCursor, st: ParseState, h: HttpdDraft, t: MToken): void {
  const colon = t.value.indexOf(':');
  const user = t.value.slice(0, colon);
  let password = t.value.slice(colon + 1);
  const next = c.peekRaw();
  if (password === '' && next?.kind === 'string' && next.start === t.end && next.src === t.src) {
    password = next.value;
    c.nextRaw();
  } else if (t.kind === 'word' && isMonitKeyword(password)) {
    st.diags.warn('TSM_W_MONIT_KEYWORD', posOf(t), `the password '${password}' is a monit keyword: monit refuses it unquoted (write ${user}:"${password}"); tsmonit accepts it`);
  }
  if (user === '' || password === '') c.error(t, `allow '${t.value}' needs user:password`, 'TSM_E_HTTPD');
  st.secret(posOf(t));
  h.allow.push({ kind: 'user', user, password, readonly: c.accept(...READ_ONLY) !== undefined });
}

function htpasswdEntry(c: MCursor, st: ParseState, h: HttpdDraft, t: MToken): void {
  const kind = t.kind === 'word' && ['cleartext', 'md5', 'crypt'].includes(t.lower) ? t.lower : 'cleartext';
  const path = kind === t.lower ? c.expectValue('an htpasswd file path') : t;
  if (kind !== 'md5') unsupported(c, t, `a ${kind} htpasswd file (tsmonit reads bcrypt, {SHA} and MD5 (apr1) entries: write allow md5 ${path.value})`);
  const users = c.peek();
  if (users && (users.kind === 'string' || (users.kind === 'word' && !OPTIONS.includes(users.lower) && !READ_ONLY.includes(users.lower) && !['set', 'check', 'include'].includes(users.lower)))) {
    unsupported(c, users, 'an htpasswd user filter (allow md5 FILE USER ...)');
  }
  h.allow.push({ kind: 'htpasswd', path: expandHome(path.value, st.env.home), readonly: c.accept(...READ_ONLY) !== undefined });
}

function allow(c: MCursor, st: ParseState, h: HttpdDraft): void {
  const t = c.expectValue('an allow entry (host, network, user:password or htpasswd file)');
  const v = t.value;
  if (v.startsWith('@')) unsupported(c, t, 'PAM group authentication (allow @group)');
  if ((t.kind === 'word' && ['cleartext', 'md5', 'crypt'].includes(t.lower)) || v.startsWith('/')) return htpasswdEntry(c, st, h, t);
  if (isHostEntry(v)) {
    h.allow.push({ kind: 'host', value: v });
    return;
  }
  if (v.includes(':')) return userEntry(c, st, h, t);
  c.error(t, `allow '${v}' is neither a host, address or network nor user:password`, 'TSM_E_HTTPD');
}

function unixsocket(c: MCursor, st: ParseState, h: HttpdDraft): void {
  h.unixsocket = expandHome(c.expectValue('a unix socket path').value, st.env.home);
  for (;;) {
    const at = c.peek();
    if (c.accept('uid', 'gid', 'permission')) {
      c.expectValue(`a value for ${at?.lower}`);
      st.ignored(posOf(at as MToken), `the unix socket's ${at?.lower}`, 'the control socket is created with mode 0600 for the user tsmonit runs as');
    } else if (c.accept(...READ_ONLY)) st.ignored(posOf(at as MToken), 'a read-only unix socket', 'the control socket is read-write for its owner');
    else return;
  }
}

function option(c: MCursor, st: ParseState, h: HttpdDraft, at: MToken): void {
  switch (at.lower) {
    case 'port':
      h.port = readInteger(c, 'port', 1, 65_535);
      return;
    case 'address':
    case 'bind':
      h.address = c.expectValue('an address to listen on').value;
      return;
    case 'unixsocket':
      return unixsocket(c, st, h);
    case 'readonly':
    case 'read-only':
      h.readonly = true;
      return;
    case 'ssl':
    case 'tls':
      return ssl(c, st, h, at);
    case 'allowselfcertification':
      return st.ignored(posOf(at), 'allowselfcertification', 'client certificates are not used');
    case 'signature':
      c.expect(['enable', 'disable']);
      return st.ignored(posOf(at), 'signature', 'tsmonit does not name its version in headers or error pages');
    case 'allow':
      return allow(c, st, h);
    default:
      pem(c, st, h, at.lower, at, c.expectValue(`a path for ${at.lower}`).value);
      h.sslAt ??= posOf(at);
      return;
  }
}

export const httpd: SetHandler = (c, st, kw) => {
  const h = (st.settings.httpd ??= { pos: posOf(kw), allow: [], readonly: false });
  if (!c.at(...OPTIONS)) c.fail(`an httpd option (${OPTIONS.join(', ')})`);
  while (c.at(...OPTIONS)) {
    try {
      option(c, st, h, c.next() as MToken);
    } catch (e) {
      // One bad option does not hide the others.
      st.report(e);
      while (c.peek() && !c.at(...OPTIONS, 'set', 'check', 'include')) c.next();
    }
  }
  return 'httpd';
};
