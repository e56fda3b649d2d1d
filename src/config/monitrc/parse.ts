// A monit control file (its includes already spliced in, or not) -> its contribution to the model.
import type { LoadEnvironment } from '../../model/config.ts';
import type { Diagnostic, SourcePos } from '../../model/errors.ts';
import type { FileContribution, IncludeRef } from '../contribution.ts';
import type { FileRole } from '../yaml/parse-file.ts';
import { parseCheck, recover } from './check.ts';
import { posOf, MCursor } from './cursor.ts';
import type { Comment, LexProblem, MToken } from './lexer.ts';
import { CommentPool, type ConvertNotes } from './notes.ts';
import { BASIC_SETS, type SetHandler } from './set-basic.ts';
import { HELD_SETS } from './set-held.ts';
import { httpd } from './httpd.ts';
import { MAIL_SETS } from './mail.ts';
import { finishGlobals } from './settings.ts';
import { ParseState } from './state.ts';

const SETS: Record<string, SetHandler> = { ...BASIC_SETS, ...HELD_SETS, ...MAIL_SETS, httpd };
const TOP = new Set(['set', 'check', 'include']);

export interface MonitrcInput {
  file: string;
  tokens: MToken[];
  comments: Comment[];
  problems: LexProblem[];
  /** Where "end of file" points. */
  eofPos: SourcePos;
  /** Includes resolved elsewhere (YAML files found by a spliced include). */
  deferred: IncludeRef[];
  /** Files spliced in. */
  alsoRead: string[];
  /** Found while splicing includes. */
  diagnostics: Diagnostic[];
}

export interface MonitrcParse {
  contribution: FileContribution;
  notes: ConvertNotes;
}

function parseSet(c: MCursor, st: ParseState): void {
  const setTok = c.next() as MToken;
  const kw = c.peek();
  const handler = kw?.kind === 'word' ? SETS[kw.lower] : undefined;
  if (!kw || !handler) return c.fail(`a set statement (${Object.keys(SETS).join(', ')})`, kw);
  c.next();
  if (st.role === 'included') {
    c.error(kw, `'set ${kw.lower}' in a monit file included from a YAML control file: global settings belong in the main file`, 'TSM_E_UNSUPPORTED');
  }
  const key = handler(c, st, kw);
  st.pool.global(key, st.pool.claim(setTok, c.tokens[c.i - 1]));
}

function statement(c: MCursor, st: ParseState): void {
  const t = c.peek() as MToken;
  if (t.kind === 'word' && t.lower === 'set') return parseSet(c, st);
  if (t.kind === 'word' && t.lower === 'check') return parseCheck(c, st);
  if (t.kind === 'word' && t.lower === 'include') {
    c.next();
    const p = c.expectValue('a file or glob to include');
    st.includes.push({ pattern: p.value, pos: posOf(p) });
    return;
  }
  if (t.kind === 'word' && (t.lower === 'if' || t.lower === 'ignore')) c.error(t, `a rule outside a check block: '${t.text}' needs a check before it`);
  c.fail("'set', 'check' or 'include'", t);
}

/** One problem seen twice (a bad escape in a rule: by the lexer and by the rule grammar) is reported once. */
function dedupe(errors: Diagnostic[]): void {
  const seen = new Set<string>();
  for (let i = 0; i < errors.length; i++) {
    const e = errors[i] as Diagnostic;
    const key = `${e.pos.file}:${e.pos.line}:${e.pos.col}:${e.message}`;
    if (seen.has(key)) errors.splice(i--, 1);
    seen.add(key);
  }
}

/** Sorted by place: files in the order they were first named, then line and column. */
function inFileOrder(list: Diagnostic[]): void {
  const files = [...new Set(list.map((d) => d.pos.file))];
  list.sort((a, b) => files.indexOf(a.pos.file) - files.indexOf(b.pos.file) || a.pos.line - b.pos.line || a.pos.col - b.pos.col);
}

export function parseMonitrc(input: MonitrcInput, env: LoadEnvironment, role: FileRole): MonitrcParse {
  const st = new ParseState(env, role, input.file, new CommentPool(input.comments));
  for (const p of input.problems) st.diags.error('TSM_E_MONITRC_SYNTAX', p.src.pos(p.offset), p.message);
  for (const d of input.diagnostics) st.diags.add(d);
  const c = new MCursor(input.tokens, input.eofPos);
  while (!c.atEnd()) {
    const from = c.i;
    try {
      statement(c, st);
    } catch (e) {
      st.report(e);
      recover(c, from, TOP);
    }
  }
  for (const p of c.problems) st.diags.error(p.code, p.pos, p.message);
  dedupe(st.diags.errors);
  inFileOrder(st.diags.errors);
  inFileOrder(st.diags.warnings);
  const includes = [...st.includes, ...input.deferred];
  const globals = role === 'main' ? finishGlobals(st.settings, includes, env, st.diags) : undefined;
  const contribution: FileContribution = {
    file: input.file,
    ...(globals ? { globals } : {}),
    services: st.services,
    includes,
    errors: st.diags.errors,
    warnings: st.diags.warnings,
    ...(st.secretsAt ? { secretsAt: st.secretsAt } : {}),
    ...(input.alsoRead.length > 0 ? { alsoRead: input.alsoRead } : {}),
  };
  return { contribution, notes: st.pool.finish() };
}
