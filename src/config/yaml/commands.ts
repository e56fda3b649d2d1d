// start/stop/restart: "command line" or { program, timeout, uid, gid }.
import { isMap, isScalar } from 'yaml';
import type { Command } from '../../model/rule.ts';
import { commandProblem, splitCommand } from '../command.ts';
import type { Field, YamlSource } from './source.ts';
import { byKey, checkKeys, duration, entriesOf, str } from './values.ts';

export function commandFromText(src: YamlSource, f: Field, text: string): Command | undefined {
  const problem = commandProblem(text);
  if (problem) {
    src.diags.error('TSM_E_COMMAND', f.pos, `${f.name}: ${problem}`);
    return undefined;
  }
  return { text, argv: splitCommand(text) };
}

export function idOf(src: YamlSource, f: Field): string | number | undefined {
  const n = src.deref(f.node);
  const v = n && isScalar(n) ? n.value : undefined;
  if (typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && v >= 0)) return v;
  src.diags.error('TSM_E_TYPE', f.pos, `${f.name} must be a name or a number, not ${src.describe(f.node)}`);
  return undefined;
}

export function readCommand(src: YamlSource, f: Field): Command | undefined {
  const n = src.deref(f.node);
  if (!n || !isMap(n)) {
    const text = str(src, f);
    return text === undefined ? undefined : commandFromText(src, f, text);
  }
  const entries = entriesOf(src, f) ?? [];
  checkKeys(src, entries, ['program', 'timeout', 'uid', 'gid'], f.name);
  const k = byKey(entries);
  const program = k.get('program');
  if (!program) {
    src.diags.error('TSM_E_REQUIRED', f.pos, `${f.name} needs a program`);
    return undefined;
  }
  const text = str(src, program);
  const command = text === undefined ? undefined : commandFromText(src, program, text);
  const timeout = k.get('timeout');
  const uid = k.get('uid');
  const gid = k.get('gid');
  const timeoutMs = timeout ? duration(src, timeout) : undefined;
  const u = uid ? idOf(src, uid) : undefined;
  const g = gid ? idOf(src, gid) : undefined;
  if (!command) return undefined;
  return {
    ...command,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    ...(u === undefined ? {} : { uid: u }),
    ...(g === undefined ? {} : { gid: g }),
  };
}
