// Joins the main file and its includes into one validated, frozen Config.
import type { Config, LoadResult } from '../model/config.ts';
import type { Diagnostic } from '../model/errors.ts';
import type { FileContribution } from './contribution.ts';
import { Diagnostics } from './diagnostics.ts';
import { deepFreeze } from './freeze.ts';
import { validateServices } from './services/validate.ts';

export function compileConfig(
  main: FileContribution,
  included: readonly FileContribution[],
  files: readonly string[],
  extra: readonly Diagnostic[] = [],
): LoadResult {
  const all = [main, ...included];
  const diags = new Diagnostics();
  for (const d of [...all.flatMap((f) => [...f.errors, ...f.warnings]), ...extra]) diags.add(d);
  const drafts = all.flatMap((f) => f.services);
  validateServices(drafts, diags);
  const { errors, warnings } = diags;
  if (errors.length > 0 || !main.globals) return { ok: false, errors, warnings };
  const config: Config = { files: [...files], ...main.globals, services: drafts.map((d) => d.spec) };
  return { ok: true, config: deepFreeze(config), warnings };
}
