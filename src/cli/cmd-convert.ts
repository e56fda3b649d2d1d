// `convert MONITRC`: the YAML equivalent of a monit control file (config/convert, issue 7), on stdout;
// warnings on stderr. Loaded on demand: a build without the converter says so instead of failing to start.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LoadEnvironment } from '../model/config.ts';
import { formatDiagnostic, type Diagnostic } from '../model/errors.ts';
import { CliError } from './cli-error.ts';
import type { Output } from './terminal.ts';

type Conversion = { ok: true; yaml: string; warnings: Diagnostic[] } | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

interface Converter {
  convertMonitrcFile(file: string, env: LoadEnvironment): Promise<Conversion>;
}

async function loadConverter(): Promise<Converter | null> {
  // The same module name in src/ (run through tsx) and dist/ (compiled).
  const ext = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
  const url = new URL(`../config/convert/index.${ext}`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) return null;
  const mod = (await import(url.href)) as Partial<Converter>;
  return typeof mod.convertMonitrcFile === 'function' ? (mod as Converter) : null;
}

export async function convert(file: string, env: LoadEnvironment, out: Output): Promise<number> {
  const converter = await loadConverter();
  if (!converter) throw new CliError('convert is not available in this build');
  const result = await converter.convertMonitrcFile(file, env);
  for (const w of result.warnings) out.err(formatDiagnostic(w));
  if (!result.ok) {
    const [only] = result.errors;
    if (result.errors.length === 1 && only?.code === 'TSM_E_FILE_READ') throw new CliError(only.message);
    throw new CliError(`${file} cannot be converted`, 1, result.errors.map(formatDiagnostic));
  }
  out.out(result.yaml.endsWith('\n') ? result.yaml : `${result.yaml}\n`);
  return 0;
}
