// reload, quit, validate: POST /api/v1/daemon/(reload|quit|validate). validate without a daemon runs one
// pass in-process (monit's behaviour); quit returns once the daemon has gone.
import { readFileSync } from 'node:fs';
import type { ReloadResult, StatusSnapshot } from '../daemon/facade.ts';
import type { Config } from '../model/config.ts';
import { formatDiagnostic } from '../model/errors.ts';
import { summaryText } from '../render/monit-text.ts';
import { CliError } from './cli-error.ts';
import { summaryTable } from './cmd-status.ts';
import type { CliContext } from './context.ts';
import { DaemonNotRunning, type DaemonClient } from './daemon-client.ts';
import type { Output } from './terminal.ts';

const QUIT_PATIENCE_MS = 60_000;
/** A validate pass is bounded by the checks' own timeouts (program and network timeouts). */
const VALIDATE_TIMEOUT_MS = 15 * 60_000;

export async function reload(client: DaemonClient, out: Output): Promise<number> {
  const result = await client.json<ReloadResult>('POST', '/api/v1/daemon/reload');
  for (const w of result.warnings) out.err(formatDiagnostic(w));
  if (!result.ok) {
    throw new CliError('the daemon refused the control file and keeps its running configuration', 1, result.errors.map(formatDiagnostic));
  }
  out.out('control file reloaded\n');
  return 0;
}

/** Alive and not a zombie (nobody may reap a daemon that lost its parent). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

export async function quit(client: DaemonClient, out: Output): Promise<number> {
  const { server } = await client.json<StatusSnapshot>('GET', '/api/v1/services');
  await client.json('POST', '/api/v1/daemon/quit');
  const deadline = Date.now() + QUIT_PATIENCE_MS;
  while (running(server.pid)) {
    if (Date.now() > deadline) throw new CliError(`the daemon (pid ${server.pid}) accepted quit but still runs after ${QUIT_PATIENCE_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  out.out(`tsmonit daemon (pid ${server.pid}) stopped\n`);
  return 0;
}

function showPass(snapshot: StatusSnapshot, json: boolean, out: Output): number {
  if (json) out.out(`${JSON.stringify(snapshot, null, 2)}\n`);
  else out.out(out.boxes ? summaryTable(snapshot, out) : summaryText(snapshot));
  const failing = snapshot.services.filter((s) => s.monitoring !== 'not monitored' && !s.ok);
  return failing.length === 0 ? 0 : 1;
}

export interface ValidateOptions {
  json: boolean;
  verbose: boolean;
  logfile?: string;
}

/** Exit 0 when every monitored service is OK after the pass, 1 otherwise. */
export async function validate(client: DaemonClient | null, config: Config, ctx: CliContext, options: ValidateOptions): Promise<number> {
  if (client) {
    try {
      const snapshot = await client.json<StatusSnapshot>('POST', '/api/v1/daemon/validate', undefined, VALIDATE_TIMEOUT_MS);
      return showPass(snapshot, options.json, ctx.out);
    } catch (err) {
      if (!(err instanceof DaemonNotRunning)) throw err;
    }
  }
  ctx.out.err('tsmonit: no daemon is running: one check pass in-process');
  const result = await ctx.local.validate(config, { verbose: options.verbose, ...(options.logfile !== undefined ? { logfile: options.logfile } : {}) });
  if (!result.ok) throw new CliError('this build cannot carry out the control file', 1, result.errors.map(formatDiagnostic));
  return showPass(result.snapshot, options.json, ctx.out);
}
