// The one place where a control file's spelling is chosen: `.yml`/`.yaml` is YAML, anything
// else monit's control-file syntax.
import type { LoadEnvironment } from '../model/config.ts';
import type { FileContribution } from './contribution.ts';
import { parseMonitrcText, readMonitrc } from './monitrc/index.ts';
import { isYamlFile } from './spelling.ts';
import { parseYamlFile, type FileRole } from './yaml/parse-file.ts';

export { isYamlFile };

/** Pure: one file's text. A monit file's includes stay includes (each file is parsed on its own). */
export function parseByExtension(text: string, file: string, env: LoadEnvironment, role: FileRole): FileContribution {
  if (isYamlFile(file)) return parseYamlFile(text, file, env, role);
  return parseMonitrcText(text, file, env, role).contribution;
}

/** A file as tsmonit reads it from disk: a monit file gets the monit files it includes spliced in. */
export async function readByExtension(text: string, file: string, env: LoadEnvironment, role: FileRole): Promise<FileContribution> {
  if (isYamlFile(file)) return parseYamlFile(text, file, env, role);
  return (await readMonitrc(text, file, env, role)).contribution;
}
