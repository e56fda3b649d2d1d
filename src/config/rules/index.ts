// The rule grammar's public face: one parser for monit's `if ... then ...` language, one printer.
export { parseRule, parseRuleAt, type RuleContext, type RuleParse } from './parse-rule.ts';
export { formatRule, formatAction } from './format.ts';
export { ruleId } from './rule-id.ts';
export type { Locate } from './position.ts';
