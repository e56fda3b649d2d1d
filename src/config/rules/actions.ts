// ACTION := alert [reminder [on] N [cycles]] | start | stop | restart | unmonitor | ignore
//         | exec "CMD" [as uid U] [and gid G] [with timeout N seconds] [repeat every [N] cycle(s)]
import type { ActionSpec, Command } from '../../model/rule.ts';
import { commandProblem, splitCommand } from '../command.ts';
import { valueOf, type Cursor } from './cursor.ts';
import { readCount, readQuantity } from './quantity.ts';
import type { Token } from './tokenizer.ts';

/** failure: after `then`; recovery: after `else` (allows ignore); restartLimit: allows `timeout`. */
export type ActionSide = 'failure' | 'recovery' | 'restartLimit';

const EXPECTED: Record<ActionSide, string> = {
  failure: 'an action (alert, start, stop, restart, unmonitor, exec)',
  recovery: 'an action (alert, start, stop, restart, unmonitor, exec, ignore)',
  restartLimit: 'an action (alert, start, stop, restart, unmonitor, exec, timeout)',
};

/** uid/gid: a number stays a number, a name a string. */
export function idValue(t: Token): string | number {
  return t.kind === 'number' && Number.isInteger(t.num) ? t.num : valueOf(t);
}

function positive(c: Cursor, what: string): number {
  const { value, tok } = readCount(c, what);
  if (value < 1) c.report('TSM_E_VALUE', tok, `${what} must be at least 1`);
  return value;
}

function parseAlert(c: Cursor): ActionSpec {
  if (!c.accept('reminder')) return { type: 'alert' };
  const reminder = positive(c, 'reminder');
  c.accept('cycle', 'cycles');
  return { type: 'alert', reminder };
}

function parseExecOption(c: Cursor, command: Command): number | undefined | false {
  if (c.accept('uid')) command.uid = idValue(c.expectValue('a user name or uid'));
  else if (c.accept('gid')) command.gid = idValue(c.expectValue('a group name or gid'));
  else if (c.accept('timeout')) {
    const q = readQuantity(c, { subject: 'exec timeout', allow: ['time'], dflt: 'time' });
    command.timeoutMs = Math.round(q.value * 1000);
  } else if (c.accept('repeat')) {
    c.expect(['every']);
    const n = c.atNumber() ? positive(c, 'repeat') : 1;
    c.expect(['cycle', 'cycles'], "'cycles'");
    return n;
  } else return false;
  return undefined;
}

function parseExec(c: Cursor): ActionSpec {
  const t = c.peek();
  if (t.kind !== 'string' && t.kind !== 'word') c.fail('a command in quotes');
  c.next();
  const text = valueOf(t);
  const problem = commandProblem(text);
  if (problem) c.report('TSM_E_COMMAND', t, problem);
  const command: Command = { text, argv: splitCommand(text) };
  let repeatEvery: number | undefined;
  for (;;) {
    const r = parseExecOption(c, command);
    if (r === false) break;
    if (r !== undefined) repeatEvery = r;
  }
  return repeatEvery === undefined ? { type: 'exec', command } : { type: 'exec', command, repeatEvery };
}

export function parseAction(c: Cursor, side: ActionSide): ActionSpec {
  const t = c.peek();
  if (t.kind !== 'word') c.fail(EXPECTED[side]);
  switch (t.value) {
    case 'alert':
      c.next();
      return parseAlert(c);
    case 'start':
    case 'stop':
    case 'restart':
    case 'unmonitor':
      c.next();
      return { type: t.value as 'start' | 'stop' | 'restart' | 'unmonitor' };
    case 'exec':
      c.next();
      return parseExec(c);
    case 'ignore':
      c.next();
      if (side !== 'recovery') c.report('TSM_E_RULE_SYNTAX', t, "'ignore' is only allowed as the else action");
      return { type: 'ignore' };
    case 'timeout':
      if (side !== 'restartLimit') break;
      c.next();
      return { type: 'unmonitor' };
  }
  return c.fail(EXPECTED[side]);
}
