// `convert MONITRC`: the YAML equivalent of a monit control file (config/convert), on stdout; warnings on
// stderr. Loaded on demand, so the other commands never load the monit-syntax reader and printer.
import type { LoadEnvironment } from '../model/config.ts';
import { formatDiagnostic } from '../model/errors.ts';
import { CliError } from './cli-error.ts';
import type { Output } from './terminal.ts';

export async function convert(file: string, env: LoadEnvironment, out: Output): Promise<number> {
  const { convertMonitrcFile } = await import('../config/convert/index.ts');
  const result = await convertMonitrcFile(file, env);
  for (const w of result.warnings) out.err(formatDiagnostic(w));
  if (!result.ok) {
    const [only] = result.errors;
    if (result.errors.length === 1 && only?.code === 'TSM_E_FILE_READ') throw new CliError(only.message);
    throw new CliError(`${file} cannot be converted`, 1, result.errors.map(formatDiagnostic));
  }
  out.out(result.yaml.endsWith('\n') ? result.yaml : `${result.yaml}\n`);
  return 0;
}
