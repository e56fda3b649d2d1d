// monit's `include` is textual: an included monit file's tokens take the place of the statement,
// so includes work anywhere (inside a check block too) and included files may hold `set`
// statements. Included YAML files are left to the YAML include mechanism (deferred).
import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { LoadEnvironment } from '../../model/config.ts';
import type { Diagnostic, SourcePos } from '../../model/errors.ts';
import type { IncludeRef } from '../contribution.ts';
import { expandGlob, hasMagic } from '../glob.ts';
import { expandHome } from '../paths.ts';
import { isYamlFile } from '../spelling.ts';
import { posOf } from './cursor.ts';
import { lex, type Comment, type LexProblem, type MToken } from './lexer.ts';
import { SourceText } from './source.ts';

/** monit's limit on included files. */
const MAX_SPLICED_FILES = 1024;
const CHECK_TYPES = new Set(['process', 'file', 'fifo', 'directory', 'filesystem', 'device', 'host', 'system', 'program', 'network']);

export interface Spliced {
  tokens: MToken[];
  comments: Comment[];
  problems: LexProblem[];
  deferred: IncludeRef[];
  alsoRead: string[];
  diagnostics: Diagnostic[];
}

interface Walk extends Spliced {
  env: LoadEnvironment;
  seen: Set<string>;
}

async function identity(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

function diag(w: Walk, severity: Diagnostic['severity'], code: Diagnostic['code'], pos: SourcePos, message: string): void {
  w.diagnostics.push({ severity, code, message, pos });
}

/** `include X` as a statement (a service named include, `check process include`, is not one). */
function isInclude(tokens: readonly MToken[], i: number): boolean {
  const t = tokens[i] as MToken;
  const p = tokens[i + 1];
  if (t.kind !== 'word' || t.lower !== 'include' || !p || (p.kind !== 'word' && p.kind !== 'string')) return false;
  const before = tokens[i - 1];
  return !(before && CHECK_TYPES.has(before.lower) && tokens[i - 2]?.lower === 'check');
}

async function spliceFile(file: string, ref: MToken, w: Walk): Promise<MToken[]> {
  const pos = posOf(ref);
  const io = resolve(w.env.cwd, file);
  const id = await identity(io);
  if (w.seen.has(id)) {
    diag(w, 'warning', 'TSM_W_INCLUDE_LOOP', pos, `'${file}' is already included (an include loop); skipped`);
    return [];
  }
  if (w.alsoRead.length >= MAX_SPLICED_FILES) {
    diag(w, 'error', 'TSM_E_INCLUDE', pos, `more than ${MAX_SPLICED_FILES} included files`);
    return [];
  }
  w.seen.add(id);
  let text: string;
  try {
    text = await readFile(io, 'utf8');
  } catch (e) {
    diag(w, 'error', 'TSM_E_INCLUDE', pos, `cannot read included file ${file}: ${(e as Error).message}`);
    return [];
  }
  w.alsoRead.push(io);
  const src = new SourceText(text, file);
  const lexed = lex(src);
  w.comments.push(...lexed.comments);
  w.problems.push(...lexed.problems);
  return expand(src, lexed.tokens, w);
}

async function includeAt(src: SourceText, ref: MToken, w: Walk): Promise<MToken[]> {
  const expanded = expandHome(ref.value, w.env.home);
  const pattern = isAbsolute(expanded) ? expanded : join(dirname(src.file), expanded);
  const files = await expandGlob(pattern, w.env.cwd);
  if (files.length === 0 && hasMagic(ref.value)) diag(w, 'warning', 'TSM_W_INCLUDE_EMPTY', posOf(ref), `include '${ref.value}' matches no file`);
  else if (files.length === 0) diag(w, 'error', 'TSM_E_INCLUDE', posOf(ref), `include '${ref.value}': no such file (${pattern})`);
  const out: MToken[] = [];
  for (const file of files) {
    if (isYamlFile(file)) w.deferred.push({ pattern: resolve(w.env.cwd, file), pos: posOf(ref) });
    else out.push(...(await spliceFile(file, ref, w)));
  }
  return out;
}

async function expand(src: SourceText, tokens: readonly MToken[], w: Walk): Promise<MToken[]> {
  const out: MToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isInclude(tokens, i)) {
      out.push(...(await includeAt(src, tokens[i + 1] as MToken, w)));
      i++;
    } else out.push(tokens[i] as MToken);
  }
  return out;
}

/** The tokens of src with every monit file it includes (recursively) spliced in. */
export async function spliceIncludes(src: SourceText, tokens: readonly MToken[], comments: readonly Comment[], env: LoadEnvironment): Promise<Spliced> {
  const w: Walk = {
    env, seen: new Set([await identity(resolve(env.cwd, src.file))]), tokens: [], comments: [...comments], problems: [],
    deferred: [], alsoRead: [], diagnostics: [],
  };
  w.tokens = await expand(src, tokens, w);
  return w;
}
