// The one place where a control file's spelling is chosen: `.yml`/`.yaml` is YAML, anything
// else monit's control-file syntax (its parser is another issue; until then it is refused).
import type { LoadEnvironment } from '../model/config.ts';
import type { FileContribution } from './contribution.ts';
import { parseYamlFile, type FileRole } from './yaml/parse-file.ts';

export function isYamlFile(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

export function parseByExtension(text: string, file: string, env: LoadEnvironment, role: FileRole): FileContribution {
  if (isYamlFile(file)) return parseYamlFile(text, file, env, role);
  return {
    file,
    services: [],
    includes: [],
    errors: [{
      severity: 'error',
      code: 'TSM_E_UNSUPPORTED',
      message: 'monit control file syntax is not supported yet; use a .yml control file',
      pos: { file, line: 1, col: 1 },
    }],
    warnings: [],
  };
}
