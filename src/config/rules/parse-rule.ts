// rule := if TEST [RATE] then ACTION [else [if (succeeded|passed|recovered|failed) [RATE] then] ACTION]
//       | if N restart(s) within M cycle(s) then (ACTION | timeout)
//       | ignore content (=|!=) "regex"
import type { Diagnostic, SourcePos } from '../../model/errors.ts';
import type { ActionSpec, ParsedRule, Polarity, Rate } from '../../model/rule.ts';
import type { ServiceType } from '../../model/service.ts';
import { parseAction } from './actions.ts';
import { appliesTo, notForTypeMessage } from './applicability.ts';
import { Cursor, RuleSyntaxError } from './cursor.ts';
import { locateVerbatim, type Locate } from './position.ts';
import { NO_RATE, parseRate } from './rate.ts';
import { ruleId } from './rule-id.ts';
import { parseTests } from './tests.ts';
import { readContent } from './tests-path.ts';
import { tokenize } from './tokenizer.ts';

export interface RuleContext {
  serviceType: ServiceType;
  /** Where the rule text's first character is in its file. */
  pos: SourcePos;
}

export interface RuleParse {
  parsed: ParsedRule[];
  errors: Diagnostic[];
}

interface Base {
  id: string;
  text: string;
  pos: SourcePos;
}

function parseElse(c: Cursor, polarity: Polarity): { action: ActionSpec; rate: Rate } {
  if (!c.accept('else')) return { action: { type: 'alert' }, rate: { ...NO_RATE } };
  if (!c.accept('if')) return { action: parseAction(c, 'recovery'), rate: { ...NO_RATE } };
  c.expect(polarity === 'failed' ? ['succeeded', 'passed', 'recovered'] : ['failed']);
  const rate = parseRate(c) ?? { ...NO_RATE };
  c.expect(['then']);
  return { action: parseAction(c, 'recovery'), rate };
}

function parseRestartLimit(c: Cursor, base: Base): ParsedRule {
  const count = c.next();
  c.next();
  const cycles = c.expectNumber('a number of cycles');
  c.expect(['cycle', 'cycles'], "'cycles'");
  const whole = Number.isInteger(count.num) && Number.isInteger(cycles.num);
  if (!whole || count.num < 1 || count.num > cycles.num) {
    c.report('TSM_E_RULE_RATE', count, `${count.num} restarts within ${cycles.num} cycles is out of range (1 <= N <= M)`);
  }
  c.expect(['then']);
  const action = parseAction(c, 'restartLimit');
  return { type: 'restartLimit', limit: { ...base, count: count.num, cycles: cycles.num, action } };
}

function parseIgnore(c: Cursor, type: ServiceType, base: Base): ParsedRule {
  const at = c.next();
  const negated = c.accept('not') !== undefined;
  const kw = c.expect(negated ? ['match'] : ['content', 'match']);
  const { op, pattern } = readContent(c, negated && kw.value === 'match');
  if (type !== 'file') c.report('TSM_E_RULE_NOT_FOR_TYPE', at, `'ignore content' is not for a ${type} check (it applies to file checks)`);
  return { type: 'ignoreContent', ignore: { text: base.text, pos: base.pos, op, pattern } };
}

function parseIf(c: Cursor, type: ServiceType, base: Base): ParsedRule[] {
  c.expect(['if'], "'if' or 'ignore'");
  const after = c.peek(1);
  if (c.atNumber() && after.kind === 'word' && ['restart', 'restarts'].includes(after.value)) return [parseRestartLimit(c, base)];
  const clauses = parseTests(c);
  for (const cl of clauses) {
    if (!appliesTo(cl.test, type)) c.report('TSM_E_RULE_NOT_FOR_TYPE', cl.at, notForTypeMessage(cl.test, type));
  }
  const rate = parseRate(c) ?? { ...NO_RATE };
  c.expect(['then']);
  const action = parseAction(c, 'failure');
  const recovery = parseElse(c, clauses[0]?.polarity ?? 'failed');
  return clauses.map((cl) => ({
    type: 'rule',
    rule: { ...base, test: cl.test, polarity: cl.polarity, rate, action, recovery },
  }));
}

function parseStatement(c: Cursor, type: ServiceType, base: Base): ParsedRule[] {
  const parsed = c.at('ignore') ? [parseIgnore(c, type, base)] : parseIf(c, type, base);
  if (c.peek().kind !== 'eof') c.fail(c.at('else') ? 'end of rule' : "'else' or end of rule");
  return parsed;
}

/** Parses one rule string; positions come from locate (used by the YAML layer for quoted scalars). */
export function parseRuleAt(text: string, serviceType: ServiceType, locate: Locate): RuleParse {
  const diag = (code: Diagnostic['code'], offset: number, message: string): Diagnostic => ({
    severity: 'error', code, message, pos: locate(offset),
  });
  const base: Base = { id: ruleId(text), text: text.trim(), pos: locate(text.length - text.trimStart().length) };
  const { tokens, error } = tokenize(text);
  if (error) return { parsed: [], errors: [diag('TSM_E_RULE_SYNTAX', error.offset, error.message)] };
  const c = new Cursor(tokens, text);
  const found: Array<{ code: Diagnostic['code']; offset: number; message: string }> = [];
  let parsed: ParsedRule[] = [];
  try {
    parsed = parseStatement(c, serviceType, base);
  } catch (e) {
    if (!(e instanceof RuleSyntaxError)) throw e;
    found.push({ code: e.code, offset: e.offset, message: e.message });
  }
  found.push(...c.problems);
  found.sort((a, b) => a.offset - b.offset);
  const errors = found.map((p) => diag(p.code, p.offset, p.message));
  return { parsed: errors.length > 0 ? [] : parsed, errors };
}

/** Parses one rule string whose first character is at ctx.pos. */
export function parseRule(text: string, ctx: RuleContext): RuleParse {
  return parseRuleAt(text, ctx.serviceType, locateVerbatim(text, ctx.pos));
}
