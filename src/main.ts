#!/usr/bin/env node
// Composition root of the tsmonit daemon: argv, environment, signals, exit codes. Nothing else reads them.
// A command (`tsmonit status`, ...) goes to the CLI (src/cli/main.ts), with the in-process work it may
// not compose itself (procmatch, validate without a daemon) built here from engine, effects and daemon.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { controlFileCandidates, parseArgs, USAGE, type DaemonArgs } from './cli/args.ts';
import { runCli, terminalOutput, type LocalOps } from './cli/main.ts';
import { loadConfigFile } from './config/load.ts';
import { checkReport } from './config/report.ts';
import { composeDaemonDeps, VERSION } from './compose.ts';
import { Monitor } from './daemon/monitor.ts';
import { selectMatching } from './engine/index.ts';
import { createLogger } from './effects/logger.ts';
import { createProcessTable } from './effects/proc/index.ts';
import type { WebServers } from './http/listen.ts';
import { acquireInstance } from './instance-guard.ts';
import type { Config, LoadEnvironment } from './model/config.ts';
import { formatDiagnostic } from './model/errors.ts';

function environment(): LoadEnvironment {
  return { home: os.homedir(), isRoot: process.getuid?.() === 0, hostname: os.hostname(), cwd: process.cwd() };
}

function withOverrides(config: Config, args: DaemonArgs): Config {
  return {
    ...config,
    ...(args.cycleSeconds !== undefined ? { cycleMs: Math.round(args.cycleSeconds * 1000) } : {}),
    ...(args.logfile !== undefined ? { log: args.logfile } : {}),
  };
}

/** Signals whose default action ends the process, held from the start of runDaemon until its handlers run. */
const HELD_SIGNALS = ['SIGHUP', 'SIGUSR1'] as const;

async function runDaemon(args: DaemonArgs): Promise<number> {
  // A reload or wake-up asked for while tsmonit starts (loading, first checks, web server) must not kill
  // it: hold such signals and act on them once the handlers below are installed.
  const held = new Set<NodeJS.Signals>();
  const hold = (signal: NodeJS.Signals): void => void held.add(signal);
  for (const signal of HELD_SIGNALS) process.on(signal, hold);
  const env = environment();
  const file = args.config ?? controlFileCandidates(env.home).find((f) => existsSync(f));
  if (!file) {
    console.error(`tsmonit: no control file found (looked in ${controlFileCandidates(env.home).join(', ')})`);
    return 1;
  }
  const result = await loadConfigFile(resolve(file), env);
  if (args.test) {
    const report = checkReport(result);
    for (const line of report.lines) (report.ok && line === 'Control file syntax OK' ? console.log : console.error)(line);
    return report.ok ? 0 : 1;
  }
  for (const w of result.warnings) console.error(formatDiagnostic(w));
  if (!result.ok) {
    for (const e of result.errors) console.error(formatDiagnostic(e));
    return 1;
  }
  const config = withOverrides(result.config, args);
  const log = createLogger({ target: config.log, pretty: config.log === 'stdout' && process.stdout.isTTY === true, level: args.verbose ? 'debug' : 'info' });
  const { logger } = log;
  // The web layer is loaded only by a daemon (a CLI command never pays for fastify), and before anything
  // starts, so the time from "started" to the signal handlers stays as short as it was.
  const { startWebServers } = await import('./http/listen.ts');
  const instance = await acquireInstance(config.pidfile, config.controlSocket, process.pid);
  if ('error' in instance) {
    console.error(`tsmonit: ${instance.error}`);
    await log.close();
    return 1;
  }
  const deps = composeDaemonDeps({ env, baseEnv: { ...process.env }, logger, selfPid: process.pid });
  deps.loadConfig = async (f) => {
    const r = await loadConfigFile(f, env);
    return r.ok ? { ...r, config: withOverrides(r.config, args) } : r;
  };
  const monitor = new Monitor(deps, config);
  const problems = await monitor.start();
  if (problems.length > 0) {
    for (const p of problems) console.error(formatDiagnostic(p));
    await instance.release();
    await log.close();
    return 1;
  }
  const cycle = config.cycleMs === null ? 'one pass' : `cycle ${config.cycleMs / 1000} s`;
  logger.info(`tsmonit ${VERSION} started: ${config.services.length} services, ${cycle}, control file ${config.files[0]}`);

  // ---- web server and control socket (issue 4): only a daemon serves them, as monit does ----
  let quitRequested = (): void => undefined;
  let web: WebServers | null = null;
  if (config.cycleMs !== null) {
    try {
      web = await startWebServers({ monitor, logger, httpd: config.httpd, socket: instance.socketServer, onQuit: () => quitRequested() });
    } catch (err) {
      console.error(`tsmonit: ${err instanceof Error ? err.message : String(err)}`);
      await monitor.quit();
      await instance.release();
      await log.close();
      return 1;
    }
    if (web.url) {
      // Name the URL and who can log in; never a password.
      const user = config.httpd?.allow.find((a) => a.kind === 'user' && !a.readonly);
      const who = user?.kind === 'user' ? ` (user ${user.user})` : '';
      logger.info(`dashboard and API on ${web.url}${who}`);
    }
  }

  let exiting: Promise<number> | null = null;
  const shutdown = (why: string): Promise<number> => {
    exiting ??= (async () => {
      logger.info(`tsmonit stopping (${why})`);
      await web?.close();
      await monitor.quit();
      await instance.release();
      await log.close();
      return 0;
    })();
    return exiting;
  };
  if (config.cycleMs === null) {
    await monitor.runOnce();
    return shutdown('one pass done');
  }
  return new Promise<number>((resolveExit) => {
    const stop = (signal: string) => void shutdown(signal).then(resolveExit);
    quitRequested = () => stop('quit requested');
    process.on('SIGTERM', () => stop('SIGTERM'));
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGUSR1', () => monitor.wake());
    process.on('SIGHUP', () => {
      logger.info('reloading the control file (SIGHUP)');
      void monitor.reload().then((r) => {
        if (r.ok) logger.info('control file reloaded');
        else logger.error(`control file has ${r.errors.length} error(s): keeping the running configuration`);
      });
    });
    process.on('SIGPIPE', () => undefined);
    for (const signal of HELD_SIGNALS) process.off(signal, hold);
    for (const signal of held) process.emit(signal, signal);
  });
}

function localOps(env: LoadEnvironment): LocalOps {
  return {
    async procmatch(regex) {
      const snapshot = await createProcessTable().snapshot({ cycle: false });
      return selectMatching(regex, snapshot.all(), process.pid);
    },
    async validate(config, options) {
      // The pass's log goes where the daemon's would, but never into the command's stdout.
      const target = options.logfile ?? (config.log === 'stdout' ? '/dev/stderr' : config.log);
      const log = createLogger({ target, pretty: target === '/dev/stderr' && process.stderr.isTTY === true, level: options.verbose ? 'debug' : 'info' });
      const deps = composeDaemonDeps({ env, baseEnv: { ...process.env }, logger: log.logger, selfPid: process.pid });
      const monitor = new Monitor(deps, { ...config, cycleMs: null });
      try {
        const errors = await monitor.start();
        return errors.length > 0 ? { ok: false, errors } : { ok: true, snapshot: await monitor.validate() };
      } finally {
        await monitor.quit();
        await log.close();
      }
    },
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      console.log(`tsmonit ${VERSION}`);
      return 0;
    case 'usage-error':
      console.error(`tsmonit: ${args.message}`);
      return 2;
    case 'daemon':
      return runDaemon(args);
    case 'command': {
      const env = environment();
      return runCli(args, { env, out: terminalOutput(args.batch), local: localOps(env) });
    }
  }
}

process.title = 'tsmonit';
process.on('unhandledRejection', (err) => {
  console.error(`tsmonit: internal error: ${err instanceof Error ? err.message : String(err)}`);
});
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`tsmonit: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
