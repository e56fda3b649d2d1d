// Command-line parsing (pure): monit's options, tsmonit's commands. Options may come before or after
// the command (`tsmonit -g www status`, `tsmonit status -g www`); long options also take `--name=value`.
import type { ServiceActionType } from '../daemon/facade.ts';
import type { ReportType } from '../render/monit-text.ts';
import { commandOf, type CliCommand } from './command-args.ts';

export type { CliCommand } from './command-args.ts';
export { USAGE } from './usage.ts';

export interface DaemonArgs {
  kind: 'daemon';
  config?: string;
  cycleSeconds?: number;
  logfile?: string;
  verbose: boolean;
  test: boolean;
}

/** A client command: options that only make sense with one (-g, -B, --json, --wait) live here. */
export interface CommandArgs {
  kind: 'command';
  command: CliCommand;
  config?: string;
  logfile?: string;
  verbose: boolean;
  group?: string;
  /** -B: no colours, no box tables, even on a terminal. */
  batch: boolean;
  json: boolean;
  /** --wait: seconds, or null for "as long as the daemon's own timeouts allow"; absent: do not wait. */
  waitSeconds?: number | null;
}

export type ParsedArgs =
  | DaemonArgs
  | CommandArgs
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

export type { ReportType, ServiceActionType };

/** The most --wait may ask for; the daemon refuses more (http/request-values.ts MAX_WAIT_S). */
export const MAX_WAIT_SECONDS = 3600;

interface Collected {
  config?: string;
  cycleSeconds?: number;
  logfile?: string;
  verbose: boolean;
  test: boolean;
  group?: string;
  batch: boolean;
  json: boolean;
  waitSeconds?: number | null;
  positional: string[];
}

class UsageError extends Error {}

function waitValue(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0 || n > MAX_WAIT_SECONDS) {
    throw new UsageError(`--wait needs a number of seconds from 1 to ${MAX_WAIT_SECONDS} (--wait=30), or no value`);
  }
  return n;
}

function collect(argv: readonly string[]): Collected | 'help' | 'version' {
  const out: Collected = { verbose: false, test: false, batch: false, json: false, positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const arg = eq > 0 ? raw.slice(0, eq) : raw;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = (what: string): string => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined) throw new UsageError(`${arg} needs ${what}`);
      i += 1;
      return v;
    };
    const flag = () => {
      if (inline !== undefined) throw new UsageError(`${arg} takes no value`);
    };
    switch (arg) {
      case '-h': case '--help': return 'help';
      case '-V': case '--version': return 'version';
      case '-c': case '--conf': out.config = value('a file'); break;
      case '-l': case '--logfile': out.logfile = value('a file, stdout or syslog'); break;
      case '-g': case '--group': out.group = value('a group name'); break;
      case '-d': case '--daemon': {
        const v = value('a number of seconds');
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0.1) throw new UsageError(`${arg} needs a number of seconds (at least 0.1)`);
        out.cycleSeconds = n;
        break;
      }
      case '-v': case '-vv': case '--verbose': flag(); out.verbose = true; break;
      case '-I': case '--interactive': flag(); break;
      case '-t': case '--test': flag(); out.test = true; break;
      case '-B': case '--batch': flag(); out.batch = true; break;
      case '--json': flag(); out.json = true; break;
      case '--wait': out.waitSeconds = waitValue(inline); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}' (see tsmonit --help)`);
        out.positional.push(raw);
    }
  }
  return out;
}

function daemonArgs(c: Collected): DaemonArgs {
  for (const [set, name] of [[c.group !== undefined, '-g'], [c.batch, '-B'], [c.json, '--json'], [c.waitSeconds !== undefined, '--wait']] as const) {
    if (set) throw new UsageError(`${name} needs a command (see tsmonit --help)`);
  }
  return {
    kind: 'daemon', verbose: c.verbose, test: c.test,
    ...(c.config !== undefined ? { config: c.config } : {}),
    ...(c.cycleSeconds !== undefined ? { cycleSeconds: c.cycleSeconds } : {}),
    ...(c.logfile !== undefined ? { logfile: c.logfile } : {}),
  };
}

function commandArgs(c: Collected): CommandArgs {
  if (c.test) throw new UsageError('-t checks the control file and takes no command');
  const command = commandOf(c.positional, { group: c.group !== undefined, json: c.json, wait: c.waitSeconds !== undefined });
  if (typeof command === 'string') throw new UsageError(command);
  return {
    kind: 'command', command, verbose: c.verbose, batch: c.batch, json: c.json,
    ...(c.config !== undefined ? { config: c.config } : {}),
    ...(c.logfile !== undefined ? { logfile: c.logfile } : {}),
    ...(c.group !== undefined ? { group: c.group } : {}),
    ...(c.waitSeconds !== undefined ? { waitSeconds: c.waitSeconds } : {}),
  };
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  try {
    const c = collect(argv);
    if (c === 'help') return { kind: 'help' };
    if (c === 'version') return { kind: 'version' };
    return c.positional.length === 0 ? daemonArgs(c) : commandArgs(c);
  } catch (err) {
    if (err instanceof UsageError) return { kind: 'usage-error', message: err.message };
    throw err;
  }
}

/** The control file search order of config.md, first existing wins. */
export function controlFileCandidates(home: string): string[] {
  return [
    './monitrc.yml',
    `${home}/.tsmonitrc.yml`,
    '/etc/tsmonit/monitrc.yml',
    `${home}/.monitrc`,
    '/etc/monitrc',
    '/etc/monit/monitrc',
  ];
}
