// The status page's snapshot: the daemon itself, then every service in config order.
import type { Config } from '../model/config.ts';
import type { DaemonDeps } from './deps.ts';
import type { StatusSnapshot } from './facade.ts';
import type { ServiceRuntime } from './runtime.ts';
import { serviceStatus } from './status.ts';

export interface StatusSource {
  deps: DaemonDeps;
  config: Config;
  runtimes: ReadonlyMap<string, ServiceRuntime>;
  startedAt: number;
  cycles: number;
  hostname(): string;
}

export function statusSnapshot(src: StatusSource): StatusSnapshot {
  const { deps, config, startedAt } = src;
  const now = deps.clock.now();
  return {
    server: {
      version: deps.version,
      hostname: src.hostname(),
      pid: deps.selfPid,
      startedAt: new Date(startedAt).toISOString(),
      uptime: Math.round((now - startedAt) / 1000),
      cycleSeconds: config.cycleMs === null ? null : config.cycleMs / 1000,
      controlFile: config.files[0] ?? '',
      cycles: src.cycles,
    },
    services: config.services.map((s) => serviceStatus(src.runtimes.get(s.name)!)),
  };
}
