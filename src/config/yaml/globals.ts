// The global keys of a YAML control file (config.md "YAML: global keys"), with their defaults.
import { isScalar } from 'yaml';
import { DEFAULT_LIMITS, type HeldStatements, type LoadEnvironment } from '../../model/config.ts';
import type { SourcePos } from '../../model/errors.ts';
import type { Globals, IncludeRef } from '../contribution.ts';
import { defaultControlSocket, defaultStatefile, globalPath } from '../paths.ts';
import { readAlerts, readMailFormat, readMailServers } from './alerts.ts';
import { readHttpd } from './httpd.ts';
import { readLimits } from './limits.ts';
import type { Entry, YamlSource } from './source.ts';
import { bool, byKey, checkKeys, duration, entriesOf, int, oneOf, plain, str, strList } from './values.ts';

export const GLOBAL_KEYS = [
  'daemon', 'start_delay', 'log', 'pidfile', 'control_socket', 'idfile', 'eventqueue', 'mmonit', 'ssl',
  'log_facility', 'terminal', 'fips', 'mail_format', 'statefile', 'onreboot', 'limits', 'include', 'httpd', 'mailserver', 'alerts', 'checks',
] as const;

const MIN_CYCLE_MS = 100;

export function defaultGlobals(env: LoadEnvironment): Globals {
  return {
    cycleMs: 30_000,
    startDelayMs: 0,
    log: 'stdout',
    controlSocket: defaultControlSocket(env),
    statefile: defaultStatefile(env),
    onreboot: 'start',
    limits: { ...DEFAULT_LIMITS },
    include: [],
    mailservers: [],
    alerts: [],
    held: {},
  };
}

function readEventqueue(src: YamlSource, e: Entry): HeldStatements['eventqueue'] {
  const entries = entriesOf(src, e) ?? [];
  checkKeys(src, entries, ['basedir', 'slots'], 'eventqueue');
  const k = byKey(entries);
  const basedir = k.get('basedir');
  const slots = k.get('slots');
  const b = basedir ? str(src, basedir) : undefined;
  const s = slots ? int(src, slots, 1) : undefined;
  return { ...(b === undefined ? {} : { basedir: b }), ...(s === undefined ? {} : { slots: s }) };
}

function readHeld(src: YamlSource, keys: Map<string, Entry>, env: LoadEnvironment): HeldStatements {
  const held: HeldStatements = {};
  const idfile = keys.get('idfile');
  const eventqueue = keys.get('eventqueue');
  const mmonit = keys.get('mmonit');
  const ssl = keys.get('ssl');
  const idPath = idfile ? str(src, idfile) : undefined;
  if (idPath !== undefined) held.idfile = globalPath(idPath, env);
  if (eventqueue) held.eventqueue = readEventqueue(src, eventqueue);
  if (mmonit) held.mmonit = plain(src, mmonit);
  if (ssl) held.ssl = plain(src, ssl);
  // monit's `set log syslog facility F`, `set terminal batch`, `set fips` (converted monit files).
  const facility = keys.get('log_facility');
  const terminal = keys.get('terminal');
  const fips = keys.get('fips');
  const f = facility ? str(src, facility) : undefined;
  if (f !== undefined) held.logFacility = f;
  if (terminal && oneOf(src, terminal, ['batch'] as const)) held.terminal = 'batch';
  if (fips && bool(src, fips)) held.fips = true;
  for (const e of [idfile, eventqueue, mmonit, ssl, facility, terminal, fips]) {
    if (e) src.diags.warn('TSM_W_NOT_ACTED_ON', e.keyPos, `'${e.key}' is kept in the configuration but tsmonit does not act on it yet`);
  }
  return held;
}

function readControlSocket(src: YamlSource, e: Entry, env: LoadEnvironment): string | false | undefined {
  const n = src.deref(e.node);
  const v = n && isScalar(n) ? n.value : undefined;
  if (v === false) return false;
  if (typeof v === 'string') return globalPath(v, env);
  src.diags.error('TSM_E_TYPE', e.pos, `control_socket must be a path or false, not ${src.describe(e.node)}`);
  return undefined;
}

function readLog(src: YamlSource, e: Entry, env: LoadEnvironment): string | undefined {
  const log = str(src, e);
  if (log === undefined) return undefined;
  return log === 'stdout' || log === 'syslog' ? log : globalPath(log, env);
}

/** `daemon: false` is monit's file without `set daemon`: one pass, then exit. */
function readCycle(src: YamlSource, e: Entry): number | null | undefined {
  const n = src.deref(e.node);
  if (n && isScalar(n) && n.value === false) return null;
  const ms = duration(src, e);
  if (ms === undefined || ms >= MIN_CYCLE_MS) return ms;
  src.diags.error('TSM_E_VALUE', e.pos, `daemon must be at least ${MIN_CYCLE_MS} ms, not ${ms} ms`);
  return undefined;
}

export interface GlobalsRead {
  globals: Globals;
  includes: IncludeRef[];
  secretsAt?: SourcePos;
}

export function readGlobals(src: YamlSource, entries: Entry[], env: LoadEnvironment): GlobalsRead {
  checkKeys(src, entries, GLOBAL_KEYS, 'the control file');
  const k = byKey(entries);
  const g = defaultGlobals(env);
  const set = <K extends keyof Globals>(key: string, field: K, read: (e: Entry) => Globals[K] | undefined): void => {
    const e = k.get(key);
    const v = e ? read(e) : undefined;
    if (v !== undefined) g[field] = v;
  };
  set('daemon', 'cycleMs', (e) => readCycle(src, e));
  set('start_delay', 'startDelayMs', (e) => duration(src, e));
  set('log', 'log', (e) => readLog(src, e, env));
  const path = (e: Entry): string | undefined => {
    const p = str(src, e);
    return p === undefined ? undefined : globalPath(p, env);
  };
  set('pidfile', 'pidfile', path);
  set('control_socket', 'controlSocket', (e) => readControlSocket(src, e, env));
  set('statefile', 'statefile', path);
  set('onreboot', 'onreboot', (e) => oneOf(src, e, ['start', 'nostart', 'laststate'] as const));
  set('limits', 'limits', (e) => readLimits(src, e));
  set('httpd', 'httpd', (e) => readHttpd(src, e, env.home));
  set('mailserver', 'mailservers', (e) => readMailServers(src, e));
  set('alerts', 'alerts', (e) => readAlerts(src, e));
  set('mail_format', 'mailFormat', (e) => readMailFormat(src, e));
  g.held = readHeld(src, k, env);
  const includeEntry = k.get('include');
  const includes = includeEntry ? strList(src, includeEntry).map(({ value, pos }) => ({ pattern: value, pos })) : [];
  g.include = includes.map((i) => i.pattern);
  const userAt = g.httpd?.allow.some((a) => a.kind === 'user') ? g.httpd.pos : undefined;
  const mailAt = g.mailservers.some((m) => m.password !== undefined) ? k.get('mailserver')?.keyPos : undefined;
  const secretsAt = userAt ?? mailAt;
  return { globals: g, includes, ...(secretsAt ? { secretsAt } : {}) };
}
