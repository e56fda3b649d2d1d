// The statements of a check block (monit.md 2.1, 3.1): start/stop/restart programs, depends,
// group, mode, onreboot, every / not every, alert / noalert, and the type's own
// pidfile / matching / path / address / interface.
import type { Command } from '../../model/rule.ts';
import type { ServiceType } from '../../model/service.ts';
import { commandProblem, splitCommand } from '../command.ts';
import { expandHome } from '../paths.ts';
import { idValueOf } from './ids.ts';
import { regexProblem } from '../rules/regex.ts';
import { cronProblem } from '../yaml/schedule.ts';
import type { BlockDraft } from './check-draft.ts';
import { posOf, type MCursor } from './cursor.ts';
import type { MToken } from './lexer.ts';
import { readRecipient } from './mail.ts';
import { STATEMENT_WORDS } from './rule-extent.ts';
import type { ParseState } from './state.ts';
import { isNumberToken, readInteger, readQuantity } from './values.ts';

/** `"cmd args" [as uid U] [and gid G] [with timeout N seconds]` */
export function readCommand(c: MCursor, what: string): Command {
  const t = c.expectValue(`the ${what} command line in quotes`);
  const problem = commandProblem(t.value);
  if (problem) c.report(t, `${what}: ${problem}`, 'TSM_E_COMMAND');
  const cmd: Command = { text: t.value, argv: splitCommand(t.value) };
  for (;;) {
    if (c.accept('uid')) cmd.uid = idValueOf(c.expectValue('a user name or uid'));
    else if (c.accept('gid')) cmd.gid = idValueOf(c.expectValue('a group name or gid'));
    else if (c.accept('timeout')) cmd.timeoutMs = readQuantity(c, 'time', `${what} timeout`, 'seconds');
    else return cmd;
  }
}

function once<T>(c: MCursor, at: MToken, current: T | undefined, what: string): void {
  if (current !== undefined) c.error(at, `a check has one ${what}`, 'TSM_E_VALUE');
}

function method(c: MCursor, d: BlockDraft, at: MToken): void {
  const key = at.lower as 'start' | 'stop' | 'restart';
  once(c, at, d.common[key], `${key} program`);
  c.accept('=', 'program=');
  d.common[key] = readCommand(c, `${key} program`);
}

/** Words that end a `depends on a, b` list besides the statement words. */
const NOT_NAMES = new Set(['not', 'pidfile', 'path', 'matching', 'match', 'address', 'interface', 'timeout']);

function names(c: MCursor): MToken[] {
  const out: MToken[] = [];
  for (let t = c.peek(); t && (t.kind === 'string' || (t.kind === 'word' && !STATEMENT_WORDS.has(t.lower) && !NOT_NAMES.has(t.lower))); t = c.peek()) {
    out.push(c.next() as MToken);
  }
  return out;
}

function depends(c: MCursor, d: BlockDraft): void {
  const list = names(c);
  if (list.length === 0) c.fail('a service name');
  for (const t of list) {
    d.common.depends.push(t.value);
    if (!d.dependsAt.has(t.value)) d.dependsAt.set(t.value, posOf(t));
  }
}

function every(c: MCursor, d: BlockDraft, at: MToken): void {
  once(c, at, d.common.every, 'every statement');
  const t = c.peek();
  if (t?.kind === 'string') {
    c.next();
    const problem = cronProblem(t.value);
    if (problem) c.report(t, `every '${t.value}' is not a valid cron string: ${problem}`, 'TSM_E_CRON');
    d.common.every = { kind: 'cron', cron: t.value.trim() };
    return;
  }
  if (!isNumberToken(t)) c.fail('a number of cycles or a cron string in quotes');
  d.common.every = { kind: 'cycles', cycles: readInteger(c, 'every', 1) };
  c.accept('cycle', 'cycles');
}

function notEvery(c: MCursor, d: BlockDraft, at: MToken): void {
  c.expect(['every']);
  once(c, at, d.common.notEvery, 'not every statement');
  const t = c.peek();
  if (t?.kind !== 'string') c.fail('a cron string in quotes');
  c.next();
  const problem = cronProblem(t.value);
  if (problem) c.report(t, `not every '${t.value}' is not a valid cron string: ${problem}`, 'TSM_E_CRON');
  d.common.notEvery = t.value.trim();
}

function typeField(c: MCursor, st: ParseState, d: BlockDraft, at: MToken): boolean {
  const type: ServiceType = d.type;
  const word = at.lower;
  const set = (key: 'pidfile' | 'matching' | 'path' | 'address' | 'interface', value: string): true => {
    if (d.fields.size > 0 && !(type === 'program' && key === 'path')) {
      c.error(at, `a ${type} check takes one of ${d.fieldNames.join(', ')}, and it is given already`, 'TSM_E_VALUE');
    }
    d.fields.set(key, value);
    return true;
  };
  if (type === 'process' && (word === 'pidfile' || word === 'path')) return set('pidfile', expandHome(c.expectValue('a pidfile path').value, st.env.home));
  if (type === 'process' && (word === 'matching' || word === 'match')) {
    const t = c.expectValue('a regular expression');
    const problem = regexProblem(t.value);
    if (problem) c.report(t, `matching: ${problem}`, 'TSM_E_REGEX');
    return set('matching', t.value);
  }
  if (type === 'program' && word === 'path') {
    if (d.program) c.error(at, 'a program check has one path', 'TSM_E_VALUE');
    d.program = readCommand(c, 'program');
    return true;
  }
  if (type === 'program' && word === 'timeout' && d.program) {
    d.program.timeoutMs = readQuantity(c, 'time', 'program timeout', 'seconds');
    return true;
  }
  if (['file', 'fifo', 'directory', 'filesystem'].includes(type) && word === 'path') return set('path', expandHome(c.expectValue('a path').value, st.env.home));
  if ((type === 'host' || type === 'network') && word === 'address') return set('address', c.expectValue('an address').value);
  if (type === 'network' && word === 'interface') return set('interface', c.expectValue('an interface name').value);
  return false;
}

/** One statement of the block (not a rule); false when `at` starts none. */
export function blockStatement(c: MCursor, st: ParseState, d: BlockDraft, at: MToken): boolean {
  if (typeField(c, st, d, at)) return true;
  switch (at.lower) {
    case 'start':
    case 'stop':
    case 'restart':
      method(c, d, at);
      return true;
    case 'depends':
    case 'depend':
      depends(c, d);
      return true;
    case 'group':
      d.common.groups.push(c.expectValue('a group name').value);
      return true;
    case 'mode': {
      once(c, at, d.mode, 'mode');
      d.mode = c.expect(['active', 'passive', 'manual']).lower as 'active' | 'passive' | 'manual';
      return true;
    }
    case 'onreboot':
      once(c, at, d.common.onreboot, 'onreboot');
      d.common.onreboot = c.expect(['start', 'nostart', 'laststate']).lower as 'start' | 'nostart' | 'laststate';
      return true;
    case 'every':
      every(c, d, at);
      return true;
    case 'not':
      notEvery(c, d, at);
      return true;
    case 'alert':
      d.common.alerts.push(readRecipient(c));
      return true;
    case 'noalert':
      d.common.noalert.push(c.expectValue('a mail address').value);
      return true;
  }
  return false;
}
