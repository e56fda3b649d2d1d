// `include` globs, relative to the including file's directory: every file found is parsed as
// an included file (which may include more). A file included twice is skipped with a warning.
import { readFile, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { LoadEnvironment } from '../model/config.ts';
import type { Diagnostic } from '../model/errors.ts';
import type { FileContribution, IncludeRef } from './contribution.ts';
import { Diagnostics } from './diagnostics.ts';
import { expandGlob, hasMagic } from './glob.ts';
import { readByExtension } from './parse-by-extension.ts';
import { expandHome } from './paths.ts';

export const MAX_INCLUDED_FILES = 1024;

interface Walk {
  env: LoadEnvironment;
  seen: Set<string>;
  files: FileContribution[];
  diags: Diagnostics;
}

async function identity(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return path;
  }
}

async function includeOne(ref: IncludeRef, file: string, w: Walk): Promise<void> {
  const io = resolve(w.env.cwd, file);
  const id = await identity(io);
  if (w.seen.has(id)) {
    w.diags.warn('TSM_W_INCLUDE_LOOP', ref.pos, `'${file}' is already included (an include loop); skipped`);
    return;
  }
  if (w.files.length >= MAX_INCLUDED_FILES) {
    w.diags.error('TSM_E_INCLUDE', ref.pos, `more than ${MAX_INCLUDED_FILES} included files`);
    return;
  }
  w.seen.add(id);
  let text: string;
  try {
    text = await readFile(io, 'utf8');
  } catch (e) {
    w.diags.error('TSM_E_INCLUDE', ref.pos, `cannot read included file ${file}: ${(e as Error).message}`);
    return;
  }
  const contribution = await readByExtension(text, file, w.env, 'included');
  w.files.push(contribution);
  await follow(contribution, w);
}

async function follow(from: FileContribution, w: Walk): Promise<void> {
  for (const ref of from.includes) {
    const expanded = expandHome(ref.pattern, w.env.home);
    const pattern = isAbsolute(expanded) ? expanded : join(dirname(from.file), expanded);
    const files = await expandGlob(pattern, w.env.cwd);
    if (files.length === 0 && hasMagic(ref.pattern)) {
      w.diags.warn('TSM_W_INCLUDE_EMPTY', ref.pos, `include '${ref.pattern}' matches no file`);
    } else if (files.length === 0) {
      w.diags.error('TSM_E_INCLUDE', ref.pos, `include '${ref.pattern}': no such file (${pattern})`);
    }
    for (const file of files) await includeOne(ref, file, w);
  }
}

/** Every file included from main, recursively, in include order. */
export async function resolveIncludes(main: FileContribution, env: LoadEnvironment): Promise<{ files: FileContribution[]; diagnostics: Diagnostic[] }> {
  const w: Walk = { env, seen: new Set([await identity(resolve(env.cwd, main.file))]), files: [], diags: new Diagnostics() };
  await follow(main, w);
  return { files: w.files, diagnostics: [...w.diags.errors, ...w.diags.warnings] };
}
