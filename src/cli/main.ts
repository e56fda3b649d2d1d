// The CLI's entry (called by src/main.ts for every command): runs one command and returns its exit status.
// Every failure is one line on stderr (plus details such as a program's output), never a stack trace.
import { CliError } from './cli-error.ts';
import type { CommandArgs } from './args.ts';
import { runAction } from './cmd-actions.ts';
import { convert } from './cmd-convert.ts';
import { quit, reload, validate } from './cmd-daemon.ts';
import { procmatch } from './cmd-procmatch.ts';
import { showView } from './cmd-status.ts';
import type { CliContext } from './context.ts';
import { loadControlFile } from './control-file.ts';
import { DaemonClient } from './daemon-client.ts';
import { endpointsOf } from './endpoints.ts';
import type { Output } from './terminal.ts';

export type { CliContext, LocalOps, LocalValidation, ProcmatchResult } from './context.ts';

/** stdout/stderr of this process: boxes and colours only on a terminal, never with -B, no colour with NO_COLOR. */
export function terminalOutput(batch: boolean): Output {
  const tty = process.stdout.isTTY === true && !batch;
  process.stdout.on('error', () => undefined); // `tsmonit status | head`: a closed pipe is not an error
  return {
    out: (text) => void process.stdout.write(text),
    err: (line) => void process.stderr.write(`${line}\n`),
    errRaw: (text) => void process.stderr.write(text),
    boxes: tty,
    colours: tty && process.env.NO_COLOR === undefined,
    progress: process.stderr.isTTY === true && !batch,
  };
}

async function dispatch(args: CommandArgs, ctx: CliContext): Promise<number> {
  const c = args.command;
  if (c.name === 'procmatch') return procmatch(c.pattern, ctx.local, ctx.out);
  if (c.name === 'convert') return convert(c.file, ctx.env, ctx.out);
  const config = await loadControlFile(args.config, ctx.env);
  const endpoints = endpointsOf(config);
  if (c.name === 'validate') {
    const options = { json: args.json, verbose: args.verbose, ...(args.logfile !== undefined ? { logfile: args.logfile } : {}) };
    return validate(endpoints.length > 0 ? new DaemonClient(endpoints) : null, config, ctx, options);
  }
  const client = new DaemonClient(endpoints);
  const group = args.group !== undefined ? { group: args.group } : {};
  switch (c.name) {
    case 'status':
    case 'summary':
      return showView({ what: c.name, json: args.json, ...group, ...(c.pattern !== undefined ? { pattern: c.pattern } : {}) }, client, ctx.out);
    case 'report':
      return showView({ what: 'report', json: args.json, ...group, ...(c.type !== undefined ? { reportType: c.type } : {}) }, client, ctx.out);
    case 'action':
      return runAction({
        action: c.action, ...group,
        ...(c.pattern !== undefined ? { pattern: c.pattern } : {}),
        ...(args.waitSeconds !== undefined ? { waitSeconds: args.waitSeconds } : {}),
      }, client, config.limits, ctx.out);
    case 'reload':
      return reload(client, ctx.out);
    case 'quit':
      return quit(client, ctx.out);
  }
}

export async function runCli(args: CommandArgs, ctx: CliContext): Promise<number> {
  try {
    return await dispatch(args, ctx);
  } catch (err) {
    if (err instanceof CliError) {
      ctx.out.err(`tsmonit: ${err.message}`);
      for (const line of err.details) ctx.out.err(line);
      return err.exitCode;
    }
    ctx.out.err(`tsmonit: internal error: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
