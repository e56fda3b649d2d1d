// startMonitor with short alert retry delays (the shared harness keeps the production ones).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFile } from '../../../src/config/load.ts';
import { composeDaemonDeps } from '../../../src/compose.ts';
import { Monitor } from '../../../src/daemon/monitor.ts';
import { formatDiagnostic } from '../../../src/model/errors.ts';
import type { TsmEvent } from '../../../src/model/event.ts';
import { CapturingLogger, expand, tempDir, testEnvironment } from '../../helpers/harness.ts';

export interface AlertHarness {
  dir: string;
  monitor: Monitor;
  logger: CapturingLogger;
  events(service?: string): TsmEvent[];
  quit(): Promise<void>;
}

export const FAST_RETRY = { minMs: 100, maxMs: 400 };

export async function startAlertMonitor(template: string, options: { dir?: string } = {}): Promise<AlertHarness> {
  const dir = options.dir ?? tempDir('tsmonit-alerts-');
  const file = join(dir, 'monitrc.yml');
  writeFileSync(file, expand(template, dir), { mode: 0o600 });
  const env = testEnvironment();
  const loaded = await loadConfigFile(file, env);
  if (!loaded.ok) throw new Error(`bad test config:\n${loaded.errors.map(formatDiagnostic).join('\n')}`);
  const logger = new CapturingLogger();
  const deps = composeDaemonDeps({ env, baseEnv: { ...process.env }, logger, selfPid: process.pid, livenessIntervalMs: 100, alertRetry: FAST_RETRY });
  const monitor = new Monitor(deps, loaded.config);
  const problems = await monitor.start();
  if (problems.length > 0) throw new Error(`config refused:\n${problems.map(formatDiagnostic).join('\n')}`);
  let quitted = false;
  return {
    dir,
    monitor,
    logger,
    events: (service) => monitor.events({ limit: 2000, ...(service ? { service } : {}) }).reverse(),
    async quit() {
      if (!quitted) await monitor.quit();
      quitted = true;
    },
  };
}
