// Loading a control file: read it, follow its includes, validate everything, freeze the result.
// Errors are collected from every file; the config is returned only when there are none.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LoadEnvironment, LoadResult } from '../model/config.ts';
import type { Diagnostic } from '../model/errors.ts';
import { compileConfig } from './compile.ts';
import type { FileContribution } from './contribution.ts';
import { resolveIncludes } from './include.ts';
import { parseByExtension, readByExtension } from './parse-by-extension.ts';

export interface IncludedText {
  file: string;
  text: string;
}

/** Pure: a control file's text, with the texts of the files it includes given (for tests). */
export function parseConfigText(text: string, file: string, env: LoadEnvironment, included: readonly IncludedText[] = []): LoadResult {
  const main = parseByExtension(text, file, env, 'main');
  const others = included.map((i) => parseByExtension(i.text, i.file, env, 'included'));
  return compileConfig(main, others, [file, ...included.map((i) => i.file)]);
}

/** A file holding passwords must not be readable by group or others. */
async function permissionWarning(main: FileContribution, io: string): Promise<Diagnostic[]> {
  if (!main.secretsAt) return [];
  try {
    const mode = (await stat(io)).mode & 0o777;
    if ((mode & 0o044) === 0) return [];
    const octal = mode.toString(8).padStart(4, '0');
    return [{
      severity: 'warning',
      code: 'TSM_W_PERMISSIONS',
      message: `${main.file} holds passwords and is readable by others (mode ${octal}); run chmod 600 ${main.file}`,
      pos: main.secretsAt,
    }];
  } catch {
    return [];
  }
}

export async function loadConfigFile(file: string, env: LoadEnvironment): Promise<LoadResult> {
  const io = resolve(env.cwd, file);
  let text: string;
  try {
    text = await readFile(io, 'utf8');
  } catch (e) {
    const pos = { file, line: 1, col: 1 };
    const message = `cannot read the control file ${file}: ${(e as Error).message}`;
    return { ok: false, errors: [{ severity: 'error', code: 'TSM_E_FILE_READ', message, pos }], warnings: [] };
  }
  const main = await readByExtension(text, file, env, 'main');
  const { files, diagnostics } = await resolveIncludes(main, env);
  const extra = [...diagnostics, ...(await permissionWarning(main, io))];
  const read = (f: FileContribution): string[] => [resolve(env.cwd, f.file), ...(f.alsoRead ?? [])];
  return compileConfig(main, files, [io, ...(main.alsoRead ?? []), ...files.flatMap(read)], extra);
}
