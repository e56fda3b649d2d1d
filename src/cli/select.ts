// Which services a NAME argument means (monit 5.28): an exact name first; else a case-insensitive regex,
// anchored as ^...$ unless it holds ^ or $; a pattern that does not compile is compared literally.
import type { ServiceStatus } from '../daemon/facade.ts';
import { CliError } from './cli-error.ts';

function patternTest(pattern: string): (name: string) => boolean {
  const anchored = pattern.includes('^') || pattern.includes('$') ? pattern : `^(?:${pattern})$`;
  try {
    const regex = new RegExp(anchored, 'i');
    return (name) => regex.test(name);
  } catch {
    const lower = pattern.toLowerCase();
    return (name) => name.toLowerCase() === lower;
  }
}

/** Service names a pattern selects, in the daemon's order; 'all' is every service. */
export function namesMatching(names: readonly string[], pattern: string): string[] {
  if (names.includes(pattern)) return [pattern];
  if (pattern === 'all') return [...names];
  const test = patternTest(pattern);
  return names.filter(test);
}

export function unknownService(pattern: string): CliError {
  return new CliError(`there is no service named "${pattern}"`);
}

export function unknownGroup(group: string): CliError {
  return new CliError(`there is no group named "${group}"`);
}

/** The services a status/summary/report shows: narrowed by NAME and -g GROUP; an empty selection is an error. */
export function selectServices(services: readonly ServiceStatus[], pattern?: string, group?: string): ServiceStatus[] {
  let chosen = [...services];
  if (group !== undefined) {
    chosen = chosen.filter((s) => s.groups.includes(group));
    if (chosen.length === 0) throw unknownGroup(group);
  }
  if (pattern !== undefined) {
    const names = new Set(namesMatching(chosen.map((s) => s.name), pattern));
    chosen = chosen.filter((s) => names.has(s.name));
    if (chosen.length === 0) throw unknownService(pattern);
  }
  return chosen;
}
