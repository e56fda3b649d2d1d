// An in-process daemon over real effects: a temp dir, a YAML control file, a Monitor, captured logs.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { loadConfigFile } from '../../src/config/load.ts';
import { composeDaemonDeps } from '../../src/compose.ts';
import { Monitor } from '../../src/daemon/monitor.ts';
import type { LoadEnvironment } from '../../src/model/config.ts';
import { formatDiagnostic } from '../../src/model/errors.ts';
import type { TsmEvent } from '../../src/model/event.ts';
import { CapturingLogger } from './capturing-logger.ts';
import { FIXTURES, killPidfiles } from './processes.ts';

export { CapturingLogger };

export const NODE = process.execPath;

export function testEnvironment(): LoadEnvironment {
  return { home: os.homedir(), isRoot: process.getuid?.() === 0, hostname: os.hostname(), cwd: process.cwd() };
}

export function tempDir(prefix = 'tsmonit-test-'): string {
  return mkdtempSync(join(os.tmpdir(), prefix));
}

/** Replaces ${DIR}, ${FIXTURES} and ${NODE} in a control file template. */
export function expand(template: string, dir: string): string {
  return template.replaceAll('${DIR}', dir).replaceAll('${FIXTURES}', FIXTURES).replaceAll('${NODE}', NODE);
}

/** Writes template, expanded, as dir/monitrc.yml (mode 0600: no warning for a file with passwords); returns its path. */
export function writeControlFile(dir: string, template: string): string {
  const file = join(dir, 'monitrc.yml');
  writeFileSync(file, expand(template, dir), { mode: 0o600 });
  return file;
}

export interface Harness {
  dir: string;
  file: string;
  monitor: Monitor;
  logger: CapturingLogger;
  /** Events oldest first. */
  events(service?: string): TsmEvent[];
  /** Quit the daemon (state saved) but keep the directory and processes: for restart tests. */
  quit(): Promise<void>;
  /** Quit, kill every process named by a *.pid file in dir, remove dir. */
  cleanup(): Promise<void>;
}

export async function startMonitor(template: string, options: { dir?: string } = {}): Promise<Harness> {
  const dir = options.dir ?? tempDir();
  const file = writeControlFile(dir, template);
  const env = testEnvironment();
  const result = await loadConfigFile(file, env);
  if (!result.ok) throw new Error(`bad test config:\n${result.errors.map(formatDiagnostic).join('\n')}`);
  const logger = new CapturingLogger();
  const deps = composeDaemonDeps({ env, baseEnv: { ...process.env }, logger, selfPid: process.pid, livenessIntervalMs: 100 });
  const monitor = new Monitor(deps, result.config);
  const problems = await monitor.start();
  if (problems.length > 0) throw new Error(`config refused:\n${problems.map(formatDiagnostic).join('\n')}`);
  let quitted = false;
  const quit = async () => {
    if (!quitted) await monitor.quit();
    quitted = true;
  };
  return {
    dir,
    file,
    monitor,
    logger,
    events: (service) => monitor.events({ limit: 2000, ...(service ? { service } : {}) }).reverse(),
    quit,
    async cleanup() {
      await quit();
      killPidfiles(...readdirSync(dir).filter((f) => f.endsWith('.pid')).map((f) => join(dir, f)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
