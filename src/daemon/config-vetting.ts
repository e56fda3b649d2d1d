// What a config must pass before the daemon runs it, at start and on reload: user and group names resolved,
// and nothing this build cannot carry out (a config is refused whole, never half-run).
import type { Config, LoadResult } from '../model/config.ts';
import type { Diagnostic } from '../model/errors.ts';
import { unsupportedParts } from './capabilities.ts';
import type { DaemonDeps } from './deps.ts';
import { resolveIdentityNames } from './identity-names.ts';

export async function vetConfig(deps: DaemonDeps, config: Config): Promise<{ config: Config; problems: Diagnostic[] }> {
  const named = await resolveIdentityNames(config, deps.users);
  return { config: named.config, problems: [...named.errors, ...unsupportedParts(config, deps.prober)] };
}

/** Reads the control file again and vets it; each refusal is logged. */
export async function loadForReload(deps: DaemonDeps, file: string): Promise<LoadResult> {
  const result = await deps.loadConfig(file);
  if (!result.ok) {
    logRefusal(deps, result.errors);
    return { ok: false, errors: result.errors, warnings: result.warnings };
  }
  const vetted = await vetConfig(deps, result.config);
  if (vetted.problems.length > 0) {
    logRefusal(deps, vetted.problems);
    return { ok: false, errors: vetted.problems, warnings: result.warnings };
  }
  return { ok: true, config: vetted.config, warnings: result.warnings };
}

function logRefusal(deps: DaemonDeps, errors: Diagnostic[]): void {
  for (const e of errors) deps.logger.error(`reload refused: ${e.pos.file}:${e.pos.line}:${e.pos.col}: ${e.message} (${e.code})`);
}
