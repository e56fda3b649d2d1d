// The commands and their operands (interfaces.md "CLI"); a string result is a usage error.
import type { ServiceActionType } from '../daemon/facade.ts';
import { REPORT_TYPES, type ReportType } from '../render/monit-text.ts';

export const ACTIONS: readonly ServiceActionType[] = ['start', 'stop', 'restart', 'monitor', 'unmonitor'];

export type CliCommand =
  | { name: 'status' | 'summary'; pattern?: string }
  | { name: 'report'; type?: ReportType }
  | { name: 'action'; action: ServiceActionType; pattern?: string }
  | { name: 'reload' | 'quit' | 'validate' }
  | { name: 'procmatch'; pattern: string }
  | { name: 'convert'; file: string };

interface Present {
  group: boolean;
  json: boolean;
  wait: boolean;
}

const GROUPED = new Set(['status', 'summary', 'report', ...ACTIONS]);
const KNOWN = new Set([...GROUPED, 'reload', 'quit', 'validate', 'procmatch', 'convert']);
const JSON_OUTPUT = new Set(['status', 'summary', 'report', 'validate']);

function isAction(name: string): name is ServiceActionType {
  return (ACTIONS as readonly string[]).includes(name);
}

function operands(name: string, rest: readonly string[], min: number, max: number, what: string): string | null {
  if (rest.length < min) return `${name} needs ${what}`;
  if (rest.length > max) return max === 0 ? `${name} takes no argument (got '${rest[0]}')` : `${name} takes ${what}, got '${rest.join(' ')}'`;
  return null;
}

function actionCommand(action: ServiceActionType, rest: readonly string[], present: Present): CliCommand | string {
  if (present.group) {
    if (rest.length > 1 || (rest.length === 1 && rest[0] !== 'all')) return `${action} -g GROUP acts on the group: name no service (or 'all')`;
    return { name: 'action', action };
  }
  const problem = operands(action, rest, 1, 1, "a service name, a name pattern or 'all' (or -g GROUP)");
  return problem ?? { name: 'action', action, pattern: rest[0]! };
}

function reportCommand(rest: readonly string[]): CliCommand | string {
  const problem = operands('report', rest, 0, 1, 'at most one of up, down, initializing, unmonitored, total');
  if (problem) return problem;
  if (rest.length === 0) return { name: 'report' };
  const type = REPORT_TYPES[rest[0]!.toLowerCase()];
  return type ? { name: 'report', type } : `report takes up, down, initializing, unmonitored or total, not '${rest[0]}'`;
}

function byName(name: string, rest: readonly string[], present: Present): CliCommand | string {
  switch (name) {
    case 'status':
    case 'summary':
      return operands(name, rest, 0, 1, 'at most one service name or pattern') ?? { name, ...(rest[0] !== undefined ? { pattern: rest[0] } : {}) };
    case 'report':
      return reportCommand(rest);
    case 'reload':
    case 'quit':
    case 'validate':
      return operands(name, rest, 0, 0, '') ?? { name };
    case 'procmatch':
      return operands(name, rest, 1, 1, 'one regular expression') ?? { name, pattern: rest[0]! };
    case 'convert':
      return operands(name, rest, 1, 1, 'one monit control file') ?? { name, file: rest[0]! };
    default:
      return isAction(name) ? actionCommand(name, rest, present) : `unknown command '${name}'`;
  }
}

export function commandOf(positional: readonly string[], present: Present): CliCommand | string {
  const [name = '', ...rest] = positional;
  if (!KNOWN.has(name)) return `unknown command '${name}' (see tsmonit --help)`;
  if (present.group && !GROUPED.has(name)) return `-g works with status, summary, report and the actions, not '${name}'`;
  if (present.json && !JSON_OUTPUT.has(name)) return `--json works with status, summary, report and validate, not '${name}'`;
  if (present.wait && !isAction(name)) return `--wait works with start, stop, restart, monitor and unmonitor, not '${name}'`;
  return byName(name, rest, present);
}
