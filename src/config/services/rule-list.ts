// A service's rule strings -> rules, restart limits and content ignores, with implicit rules
// first and ids made unique (` #2`, ` #3` for repeats).
import type { Diagnostic, SourcePos } from '../../model/errors.ts';
import type { ContentIgnore, ParsedRule, RestartLimit, Rule } from '../../model/rule.ts';
import type { ServiceType } from '../../model/service.ts';
import { parseRuleAt } from '../rules/parse-rule.ts';
import type { Locate } from '../rules/position.ts';
import { implicitRuleTexts } from './implicit-rules.ts';

export interface RuleSource {
  text: string;
  locate: Locate;
}

export interface ServiceRules {
  rules: Rule[];
  restartLimits: RestartLimit[];
  ignoreContent: ContentIgnore[];
  errors: Diagnostic[];
}

function implicitRule(text: string, type: ServiceType, at: SourcePos): Rule[] {
  return parseRuleAt(text, type, () => at).parsed.flatMap((p) => {
    if (p.type !== 'rule') return [];
    const { pos: _pos, ...rule } = p.rule;
    return [{ ...rule, implicit: true }];
  });
}

function uniqueIds<T extends { id: string }>(items: T[], seen: Map<string, number>): T[] {
  return items.map((item) => {
    const n = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, n);
    return n === 1 ? item : { ...item, id: `${item.id} #${n}` };
  });
}

export function compileRules(sources: RuleSource[], type: ServiceType, hasStart: boolean, servicePos: SourcePos): ServiceRules {
  const parsed: ParsedRule[] = [];
  const errors: Diagnostic[] = [];
  for (const s of sources) {
    const r = parseRuleAt(s.text, type, s.locate);
    parsed.push(...r.parsed);
    errors.push(...r.errors);
  }
  const written = parsed.flatMap((p) => (p.type === 'rule' ? [p.rule] : []));
  const implicit = implicitRuleTexts(type, hasStart, written).flatMap((t) => implicitRule(t, type, servicePos));
  const seen = new Map<string, number>();
  return {
    rules: uniqueIds([...implicit, ...written], seen),
    restartLimits: uniqueIds(parsed.flatMap((p) => (p.type === 'restartLimit' ? [p.limit] : [])), seen),
    ignoreContent: parsed.flatMap((p) => (p.type === 'ignoreContent' ? [p.ignore] : [])),
    errors,
  };
}
