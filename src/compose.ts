// The one place that wires real effects into the daemon's ports (used by main.ts and the integration tests).
import { loadConfigFile } from './config/load.ts';
import type { DaemonDeps } from './daemon/deps.ts';
import { systemClock } from './effects/clock.ts';
import { createProcessTable } from './effects/proc/index.ts';
import { createAlertOutbox, type RetryPolicy } from './effects/alerts/index.ts';
import { createFileInspector } from './effects/files/index.ts';
import { createFilesystemStat } from './effects/filesystem/index.ts';
import { createNetworkStat } from './effects/network/index.ts';
import { createProber } from './effects/probes/index.ts';
import { createProgramRunner, resolveGroup, resolveUser } from './effects/runner/index.ts';
import { createStateStore } from './effects/state-store.ts';
import { createSystemSampler } from './effects/system-sampler.ts';
import type { LoadEnvironment } from './model/config.ts';
import type { Logger } from './model/ports.ts';

export const VERSION = '0.1.0';

export interface ComposeOptions {
  env: LoadEnvironment;
  baseEnv: Record<string, string | undefined>;
  logger: Logger;
  selfPid: number;
  livenessIntervalMs?: number;
  /** Alert retry delays (tests shorten them); default 2 s doubling up to 5 min, with jitter. */
  alertRetry?: RetryPolicy;
}

export function composeDaemonDeps(options: ComposeOptions): DaemonDeps {
  return {
    clock: systemClock,
    processTable: createProcessTable(),
    systemSampler: createSystemSampler(),
    runner: createProgramRunner({ baseEnv: options.baseEnv, isRoot: options.env.isRoot }),
    prober: createProber(),
    files: createFileInspector(),
    filesystems: createFilesystemStat(),
    networks: createNetworkStat(),
    openStateStore: (path) => createStateStore(path),
    openOutbox: (dir) => createAlertOutbox({
      dir, logger: options.logger, clock: systemClock, userAgent: `tsmonit/${VERSION}`,
      ...(options.alertRetry ? { retry: options.alertRetry } : {}),
    }),
    logger: options.logger,
    users: {
      uidOf: async (name) => (await resolveUser(name))?.uid ?? null,
      gidOf: async (name) => (await resolveGroup(name))?.gid ?? null,
    },
    loadConfig: (file) => loadConfigFile(file, options.env),
    selfPid: options.selfPid,
    version: VERSION,
    ...(options.livenessIntervalMs !== undefined ? { livenessIntervalMs: options.livenessIntervalMs } : {}),
  };
}
