// `every` (N cycles or a 5-field cron string) and `not_every` (cron), validated with croner.
import { CronPattern } from 'croner';
import { isScalar } from 'yaml';
import type { Schedule } from '../../model/service.ts';
import type { Field, YamlSource } from './source.ts';

export function cronProblem(cron: string): string | undefined {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 5) return `a cron string has 5 fields (minute hour day month weekday), not ${fields.length}`;
  try {
    new CronPattern(cron, undefined, { mode: '5-part' });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

export function readCron(src: YamlSource, f: Field): string | undefined {
  const n = src.deref(f.node);
  const v = n && isScalar(n) ? n.value : undefined;
  if (typeof v !== 'string') {
    src.diags.error('TSM_E_TYPE', f.pos, `${f.name} must be a cron string, not ${src.describe(f.node)}`);
    return undefined;
  }
  const problem = cronProblem(v);
  if (!problem) return v.trim();
  src.diags.error('TSM_E_CRON', f.pos, `${f.name} '${v}' is not a valid cron string: ${problem}`);
  return undefined;
}

export function readEvery(src: YamlSource, f: Field): Schedule | undefined {
  const n = src.deref(f.node);
  const v = n && isScalar(n) ? n.value : undefined;
  const cycles = typeof v === 'number' ? v : typeof v === 'string' ? /^\s*(\d+)\s*(?:cycles?)?\s*$/i.exec(v)?.[1] : undefined;
  if (cycles !== undefined) {
    const c = Number(cycles);
    if (Number.isInteger(c) && c >= 1) return { kind: 'cycles', cycles: c };
    src.diags.error('TSM_E_VALUE', f.pos, `${f.name} must be a whole number of cycles (at least 1), not ${c}`);
    return undefined;
  }
  const cron = readCron(src, f);
  return cron === undefined ? undefined : { kind: 'cron', cron };
}
