// The control file a command reads to find the daemon: -c, else config.md's search order.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfigFile } from '../config/load.ts';
import type { Config, LoadEnvironment } from '../model/config.ts';
import { formatDiagnostic } from '../model/errors.ts';
import { controlFileCandidates } from './args.ts';
import { CliError } from './cli-error.ts';

export function locateControlFile(explicit: string | undefined, env: LoadEnvironment): string {
  if (explicit !== undefined) return resolve(env.cwd, explicit);
  const candidates = controlFileCandidates(env.home);
  const found = candidates.find((f) => existsSync(resolve(env.cwd, f)));
  if (!found) throw new CliError(`no control file found (looked in ${candidates.join(', ')}); name one with -c FILE`);
  return resolve(env.cwd, found);
}

export async function loadControlFile(explicit: string | undefined, env: LoadEnvironment): Promise<Config> {
  const file = locateControlFile(explicit, env);
  const result = await loadConfigFile(file, env);
  if (result.ok) return result.config;
  const [first] = result.errors;
  if (result.errors.length === 1 && first?.code === 'TSM_E_FILE_READ') throw new CliError(first.message);
  throw new CliError(`the control file ${file} has errors (tsmonit -t -c ${file} lists them)`, 1, result.errors.map(formatDiagnostic));
}
