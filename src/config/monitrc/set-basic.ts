// The simple global statements: daemon, init, terminal, fips, log, pidfile, idfile, statefile,
// onreboot, limits, expectbuffer, eventqueue (monit.md 1.3).
import type { Limits } from '../../model/config.ts';
import { globalPath } from '../paths.ts';
import { posOf, type MCursor } from './cursor.ts';
import type { MToken } from './lexer.ts';
import type { ParseState } from './state.ts';
import { readInteger, readQuantity } from './values.ts';

export type SetHandler = (c: MCursor, st: ParseState, kw: MToken) => string;

const MIN_CYCLE_MS = 100;

const daemon: SetHandler = (c, st) => {
  const at = c.peek();
  const ms = readQuantity(c, 'time', 'daemon', 'seconds');
  if (ms < MIN_CYCLE_MS) c.error(at, `daemon must be at least ${MIN_CYCLE_MS} ms, not ${ms} ms`, 'TSM_E_VALUE');
  st.settings.cycleMs = ms;
  if (c.at('start') && c.peek(1)?.lower === 'delay') {
    c.next();
    c.next();
    st.settings.startDelayMs = readQuantity(c, 'time', 'start delay', 'seconds');
  }
  return 'daemon';
};

const path = (c: MCursor, st: ParseState, what: string): string =>
  globalPath(c.expectValue(`a path for ${what}`).value, st.env);

const log: SetHandler = (c, st, kw) => {
  if (c.accept('syslog')) {
    st.settings.log = 'syslog';
    const f = c.accept('facility');
    if (f) {
      st.settings.held.logFacility = c.expectValue('a syslog facility (log_local0..7, log_daemon, log_user)').value.toLowerCase();
      st.notActedOn(posOf(f), `'set ${kw.lower} syslog facility'`);
    }
    return 'log';
  }
  const t = c.expectValue('a log file path or syslog');
  st.settings.log = t.value === 'stdout' ? 'stdout' : globalPath(t.value, st.env);
  return 'log';
};

const LIMITS: Record<string, [keyof Limits, 'time' | 'bytes']> = {
  programoutput: ['programOutputBytes', 'bytes'],
  sendexpectbuffer: ['sendExpectBufferBytes', 'bytes'],
  filecontentbuffer: ['fileContentBufferBytes', 'bytes'],
  httpcontentbuffer: ['httpContentBufferBytes', 'bytes'],
  networktimeout: ['networkTimeoutMs', 'time'],
  programtimeout: ['programTimeoutMs', 'time'],
  starttimeout: ['startTimeoutMs', 'time'],
  stoptimeout: ['stopTimeoutMs', 'time'],
  restarttimeout: ['restartTimeoutMs', 'time'],
  exectimeout: ['execTimeoutMs', 'time'],
};

function limit(c: MCursor, st: ParseState): void {
  const t = c.peek();
  if (!t || t.kind !== 'word') c.fail(`a limit (${Object.keys(LIMITS).join(', ')}) or '}'`);
  const name = t.lower.replace(/:$/, '');
  const written = t.text.replace(/:$/, '');
  const def = LIMITS[name];
  c.next();
  if (!def) c.error(t, `unknown limit '${written}' (one of programOutput, sendExpectBuffer, fileContentBuffer, httpContentBuffer, networkTimeout, programTimeout, startTimeout, stopTimeout, restartTimeout, execTimeout)`, 'TSM_E_UNKNOWN_KEY');
  c.accept(':');
  const value = readQuantity(c, def[1], `limit ${written}`, 'required');
  // execTimeout 0 means unlimited; every other zero would make its step fail at once.
  if (value === 0 && name !== 'exectimeout') c.error(t, `limit ${written} must be more than 0`, 'TSM_E_VALUE');
  st.settings.limits[def[0]] = value;
}

const limits: SetHandler = (c: MCursor, st: ParseState) => {
  if (c.peek()?.kind !== 'lbrace') c.fail("'{'");
  c.next();
  while (c.peek() && c.peek()?.kind !== 'rbrace') {
    try {
      limit(c, st);
    } catch (e) {
      // One bad limit does not hide the others: on to the next `name:` or the closing brace.
      st.report(e);
      while (c.peek() && c.peek()?.kind !== 'rbrace' && !/:$/.test(c.peek()?.text ?? '') && !LIMITS[c.peek()?.lower ?? '']) c.next();
    }
  }
  if (!c.next()) c.fail("'}' to close the limits");
  return 'limits';
};

const expectbuffer: SetHandler = (c, st) => {
  const at = c.peek();
  const bytes = readQuantity(c, 'bytes', 'expectbuffer', 'bytes');
  if (bytes === 0) c.error(at, 'expectbuffer must be more than 0', 'TSM_E_VALUE');
  st.settings.limits.sendExpectBufferBytes = bytes;
  return 'limits';
};

const eventqueue: SetHandler = (c, st, kw) => {
  const q: { basedir?: string; slots?: number } = {};
  for (;;) {
    if (c.accept('basedir')) q.basedir = path(c, st, 'basedir');
    else if (c.accept('slots')) q.slots = readInteger(c, 'slots', 1);
    else break;
  }
  st.settings.held.eventqueue = q;
  st.notActedOn(posOf(kw), "'set eventqueue'");
  return 'eventqueue';
};

export const BASIC_SETS: Record<string, SetHandler> = {
  daemon,
  // tsmonit always stays in the foreground: `set init` asks for what it does anyway.
  init: () => 'daemon',
  terminal: (c, st, kw) => {
    c.expect(['batch']);
    st.settings.held.terminal = 'batch';
    st.notActedOn(posOf(kw), "'set terminal batch'");
    return 'terminal';
  },
  fips: (_c, st, kw) => {
    st.settings.held.fips = true;
    st.notActedOn(posOf(kw), "'set fips'");
    return 'fips';
  },
  log,
  logfile: log,
  pidfile: (c, st) => {
    st.settings.pidfile = path(c, st, 'pidfile');
    return 'pidfile';
  },
  statefile: (c, st) => {
    st.settings.statefile = path(c, st, 'statefile');
    return 'statefile';
  },
  idfile: (c, st, kw) => {
    st.settings.held.idfile = path(c, st, 'idfile');
    st.notActedOn(posOf(kw), "'set idfile'");
    return 'idfile';
  },
  onreboot: (c, st) => {
    st.settings.onreboot = c.expect(['start', 'nostart', 'laststate']).lower as 'start' | 'nostart' | 'laststate';
    return 'onreboot';
  },
  limits,
  expectbuffer,
  eventqueue,
};

