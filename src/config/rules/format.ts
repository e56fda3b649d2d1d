// formatRule: the canonical text of a parsed rule; parsing it gives an equal ParsedRule
// (apart from id, text and pos). Used to write models back as control files.
import type { ActionSpec, ParsedRule, Rate, Rule } from '../../model/rule.ts';
import { cycles, idText, millis, num, quote } from './format-values.ts';
import { formatTest } from './format-test.ts';

export function formatAction(a: ActionSpec): string {
  switch (a.type) {
    case 'alert':
      return a.reminder === undefined ? 'alert' : `alert reminder on ${cycles(a.reminder)}`;
    case 'exec': {
      const c = a.command;
      return [
        `exec ${quote(c.text)}`,
        c.uid === undefined ? '' : `as uid ${idText(c.uid)}`,
        c.gid === undefined ? '' : `and gid ${idText(c.gid)}`,
        c.timeoutMs === undefined ? '' : `with timeout ${millis(c.timeoutMs)}`,
        a.repeatEvery === undefined ? '' : `repeat every ${cycles(a.repeatEvery)}`,
      ].filter((p) => p !== '').join(' ');
    }
    default:
      return a.type;
  }
}

export function formatRate(r: Rate): string {
  if (r.count === 1 && r.cycles === 1) return '';
  return r.count === r.cycles ? `for ${cycles(r.cycles)}` : `${num(r.count)} times within ${cycles(r.cycles)}`;
}

function isDefaultRecovery(r: Rule['recovery']): boolean {
  return r.action.type === 'alert' && r.action.reminder === undefined && r.rate.count === 1 && r.rate.cycles === 1;
}

function formatElse(rule: Rule): string {
  const r = rule.recovery;
  if (isDefaultRecovery(r)) return '';
  const rate = formatRate(r.rate);
  if (rate === '') return `else ${formatAction(r.action)}`;
  return `else if ${rule.polarity === 'failed' ? 'succeeded' : 'failed'} ${rate} then ${formatAction(r.action)}`;
}

function formatIfRule(rule: Rule): string {
  return ['if', formatTest(rule.test, rule.polarity), formatRate(rule.rate), 'then', formatAction(rule.action), formatElse(rule)]
    .filter((p) => p !== '')
    .join(' ');
}

export function formatRule(parsed: ParsedRule): string {
  switch (parsed.type) {
    case 'rule':
      return formatIfRule(parsed.rule);
    case 'restartLimit': {
      const l = parsed.limit;
      return `if ${num(l.count)} restarts within ${cycles(l.cycles)} then ${formatAction(l.action)}`;
    }
    case 'ignoreContent':
      return `ignore content ${parsed.ignore.op} ${quote(parsed.ignore.pattern)}`;
  }
}
