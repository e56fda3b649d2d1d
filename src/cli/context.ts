// What a command needs from the entry point: the environment, where to write, and the in-process work
// that the CLI layer may not do itself (src/main.ts composes it from engine, effects and the daemon).
import type { StatusSnapshot } from '../daemon/facade.ts';
import type { Config, LoadEnvironment } from '../model/config.ts';
import type { Diagnostic } from '../model/errors.ts';
import type { ProcessInfo } from '../model/observation.ts';
import type { Output } from './terminal.ts';

export interface ProcmatchResult {
  /** The process a `matching` check with this regex picks, or null. */
  chosen: ProcessInfo | null;
  matches: ProcessInfo[];
}

export type LocalValidation = { ok: true; snapshot: StatusSnapshot } | { ok: false; errors: Diagnostic[] };

export interface LocalOps {
  /** The daemon's selection (engine selectMatching) over a real process table snapshot. */
  procmatch(regex: RegExp): Promise<ProcmatchResult>;
  /** One full check pass with an in-process Monitor (no daemon runs): checks and the actions they start. */
  validate(config: Config, options: { verbose: boolean; logfile?: string }): Promise<LocalValidation>;
}

export interface CliContext {
  env: LoadEnvironment;
  out: Output;
  local: LocalOps;
}
