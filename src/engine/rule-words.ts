// Rules and actions as people read them (status pages, events).
import type { ActionSpec, Rule } from '../model/rule.ts';

export function ruleInWords(rule: Pick<Rule, 'text' | 'implicit'>): string {
  return rule.implicit ? `${rule.text} (implicit)` : rule.text;
}

function cycles(n: number): string {
  return n === 1 ? '1 cycle' : `${n} cycles`;
}

export function describeAction(action: ActionSpec): string {
  switch (action.type) {
    case 'alert':
      return action.reminder ? `alert, reminder every ${cycles(action.reminder)}` : 'alert';
    case 'exec': {
      const base = `exec "${action.command.text}"`;
      return action.repeatEvery ? `${base}, repeat every ${cycles(action.repeatEvery)}` : base;
    }
    default:
      return action.type;
  }
}
