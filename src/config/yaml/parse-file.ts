// A YAML control file -> its contribution. A main file has global keys and `checks`; an
// included file has `checks` (and `include`) only, or is a bare list of checks.
import { isSeq } from 'yaml';
import type { LoadEnvironment } from '../../model/config.ts';
import type { FileContribution } from '../contribution.ts';
import { readChecks } from './checks.ts';
import { readGlobals } from './globals.ts';
import { YamlSource } from './source.ts';
import { byKey, checkKeys, entriesOf, strList } from './values.ts';

export type FileRole = 'main' | 'included';

function done(src: YamlSource, rest: Omit<FileContribution, 'file' | 'errors' | 'warnings'>): FileContribution {
  return { file: src.file, ...rest, errors: src.diags.errors, warnings: src.diags.warnings };
}

export function parseYamlFile(text: string, file: string, env: LoadEnvironment, role: FileRole): FileContribution {
  const src = new YamlSource(text, file);
  if (!src.ok) return done(src, { services: [], includes: [] });
  const root = src.root();
  if (role === 'included' && root.node && isSeq(root.node)) {
    return done(src, { services: readChecks(src, { ...root, name: 'checks' }, env), includes: [] });
  }
  const entries = root.node ? entriesOf(src, root) ?? [] : [];
  const keys = byKey(entries);
  const checks = keys.get('checks');
  if (role === 'included') {
    checkKeys(src, entries, ['checks', 'include'], 'an included file', (k) => `an included file holds checks and include only; '${k}' belongs in the main file`);
    const include = keys.get('include');
    const includes = include ? strList(src, include).map(({ value, pos }) => ({ pattern: value, pos })) : [];
    return done(src, { services: checks ? readChecks(src, checks, env) : [], includes });
  }
  const { globals, includes, secretsAt } = readGlobals(src, entries, env);
  if (!checks) src.diags.error('TSM_E_REQUIRED', root.pos, "the control file needs a 'checks' list (it may be empty: checks: [])");
  const services = checks ? readChecks(src, checks, env) : [];
  return done(src, { globals, services, includes, ...(secretsAt ? { secretsAt } : {}) });
}

