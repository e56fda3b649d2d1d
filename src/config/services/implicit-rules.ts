// Rules tsmonit adds when the user wrote none of their kind (monit.md 2.2): a missing process
// or path shows `Does not exist`, filesystems watch their flags, network links their state.
import type { Rule } from '../../model/rule.ts';
import type { ServiceType } from '../../model/service.ts';

const EXISTING: ServiceType[] = ['process', 'file', 'fifo', 'directory', 'filesystem'];

export function implicitRuleTexts(type: ServiceType, hasStart: boolean, written: readonly Rule[]): string[] {
  const has = (pred: (r: Rule) => boolean): boolean => written.some(pred);
  const out: string[] = [];
  if (EXISTING.includes(type) && !has((r) => r.test.kind === 'nonexist')) {
    out.push(`if does not exist then ${hasStart ? 'restart' : 'alert'}`);
  }
  if (type === 'filesystem' && !has((r) => r.test.kind === 'changed' && r.test.target === 'fsflags')) {
    out.push('if changed fsflags then alert');
  }
  if (type === 'network' && !has((r) => r.test.kind === 'link')) out.push('if link down then alert');
  return out;
}
