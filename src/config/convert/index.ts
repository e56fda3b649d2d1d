// `tsmonit convert MONITRC`: the YAML equivalent of a monit control file. The file is loaded as
// tsmonit runs it (every error is reported, includes followed); its own checks and the checks of
// the monit files it includes are written out with its comments; included YAML files stay includes.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { LoadEnvironment } from '../../model/config.ts';
import type { Diagnostic } from '../../model/errors.ts';
import { loadConfigFile } from '../load.ts';
import { readMonitrc } from '../monitrc/index.ts';
import { isYamlFile } from '../spelling.ts';
import { configToYaml } from './yaml-text.ts';

export { configToYaml } from './yaml-text.ts';
export { configToMonitrc } from './to-monitrc.ts';

export type Conversion =
  | { ok: true; yaml: string; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

function failure(file: string, message: string, code: Diagnostic['code']): Conversion {
  return { ok: false, errors: [{ severity: 'error', code, message, pos: { file, line: 1, col: 1 } }], warnings: [] };
}

export async function convertMonitrcFile(file: string, env: LoadEnvironment): Promise<Conversion> {
  if (isYamlFile(file)) return failure(file, `${file} is a YAML control file already (convert reads monit control files)`, 'TSM_E_VALUE');
  let text: string;
  try {
    text = await readFile(resolve(env.cwd, file), 'utf8');
  } catch (e) {
    return failure(file, `cannot read the control file ${file}: ${(e as Error).message}`, 'TSM_E_FILE_READ');
  }
  const loaded = await loadConfigFile(file, env);
  if (!loaded.ok) return loaded;
  const { contribution, notes } = await readMonitrc(text, file, env, 'main');
  const own = new Set(contribution.services.map((d) => d.spec.name));
  const config = { ...loaded.config, services: loaded.config.services.filter((s) => own.has(s.name)) };
  return { ok: true, yaml: configToYaml(config, env, { notes, source: file }), warnings: loaded.warnings };
}
