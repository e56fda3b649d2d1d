// The `set` statements of a monit control file -> the global part of the model, over the same
// defaults as YAML (a monitrc without `set daemon` runs one pass, as monit does).
import type { HttpdConfig, LoadEnvironment } from '../../model/config.ts';
import type { Globals, IncludeRef } from '../contribution.ts';
import type { Diagnostics } from '../diagnostics.ts';
import { globalPath } from '../paths.ts';
import { defaultGlobals } from '../yaml/globals.ts';
import type { HttpdDraft, Settings } from './state.ts';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;
const DEFAULT_PORT = 2812;
/** monit listens on every interface when no address is given. */
const ALL_INTERFACES = '0.0.0.0';

function finishHttpd(h: HttpdDraft, diags: Diagnostics): HttpdConfig | undefined {
  if (h.port === undefined && h.unixsocket !== undefined) {
    if (h.allow.length > 0) {
      diags.warn('TSM_W_NOT_ACTED_ON', h.pos, 'allow entries have no effect on the unix socket: the control socket is guarded by its file permissions (mode 0600)');
    }
    return undefined;
  }
  const allow = h.readonly ? h.allow.map((a) => (a.kind === 'host' ? a : { ...a, readonly: true })) : h.allow;
  const address = h.address ?? ALL_INTERFACES;
  let ssl: HttpdConfig['ssl'];
  if (h.cert !== undefined || h.key !== undefined || h.sslAt) {
    if (h.cert === undefined || h.key === undefined) diags.error('TSM_E_HTTPD', h.sslAt ?? h.pos, 'httpd ssl needs a pemfile (or pemchain and pemkey)');
    else ssl = { cert: h.cert, key: h.key };
  }
  if (!allow.some((a) => a.kind !== 'host')) {
    diags.error('TSM_E_HTTPD', h.pos, 'httpd needs at least one user in allow (user:password or an htpasswd file): no unauthenticated control from the network');
  }
  if (!LOOPBACK.test(address) && !ssl) {
    diags.warn('TSM_W_NO_TLS', h.pos, `httpd listens on ${address} without ssl: passwords cross the network in clear text`);
  }
  return { port: h.port ?? DEFAULT_PORT, address, ...(ssl ? { ssl } : {}), allow, loginLimit: 10, pos: h.pos };
}

export function finishGlobals(s: Settings, includes: readonly IncludeRef[], env: LoadEnvironment, diags: Diagnostics): Globals {
  const g = defaultGlobals(env);
  g.cycleMs = s.cycleMs;
  if (s.startDelayMs !== undefined) g.startDelayMs = s.startDelayMs;
  if (s.log !== undefined) g.log = s.log;
  if (s.pidfile !== undefined) g.pidfile = s.pidfile;
  if (s.statefile !== undefined) g.statefile = s.statefile;
  if (s.onreboot !== undefined) g.onreboot = s.onreboot;
  g.limits = { ...g.limits, ...s.limits };
  g.include = includes.map((i) => i.pattern);
  if (s.httpd) {
    const httpd = finishHttpd(s.httpd, diags);
    if (httpd) g.httpd = httpd;
    if (s.httpd.unixsocket !== undefined) g.controlSocket = globalPath(s.httpd.unixsocket, env);
  }
  g.mailservers = s.mailservers;
  g.alerts = s.alerts;
  if (s.mailFormat) g.mailFormat = s.mailFormat;
  g.held = s.held;
  return g;
}
