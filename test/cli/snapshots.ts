// Canned StatusSnapshots for the pure CLI and render tests.
import type { ServiceStatus, StatusSnapshot } from '../../src/daemon/facade.ts';

export function service(name: string, extra: Partial<ServiceStatus> = {}): ServiceStatus {
  return {
    name, type: 'process', monitoring: 'monitored', status: 'OK', failures: [], ok: true, pendingAction: null,
    groups: [], dependsOn: [], lastCheck: '2026-01-02T03:04:05.000Z', nextCheck: null, restarts: 0, checkDurationMs: 3,
    mode: 'active', onreboot: 'start', config: {}, ...extra,
  };
}

export function snapshot(services: ServiceStatus[]): StatusSnapshot {
  return {
    server: { version: '0.1.0', hostname: 'box', pid: 7, startedAt: '2026-01-02T00:00:00.000Z', uptime: 3720, cycleSeconds: 5, controlFile: '/etc/m.yml', cycles: 3 },
    services,
  };
}

export const MIXED = snapshot([
  service('web', {
    process: { pid: 4242, ppid: 1, uptime: 90_000, cpu: 1.25, cpuTotal: 2.5, memory: 10 * 1024 * 1024, memoryPercent: 0.5, memoryTotal: 11 * 1024 * 1024, children: 2, threads: 4 },
    ports: [{ host: 'localhost', port: 80, type: 'TCP', protocol: 'http', ok: true, responseTimeMs: 0.25, error: null }],
  }),
  service('api', { type: 'host', status: 'Connection failed', ok: false, failures: ['connection'],
    ports: [{ host: '10.0.0.1', port: 443, type: 'TCP', protocol: 'default', ok: false, responseTimeMs: null, error: 'refused' }] }),
  service('box', { type: 'system', system: { load: [0.5, 1.25, 2], cpu: { user: 3, system: 1.5, wait: 0, usage: 4.5 }, memory: { bytes: 2 * 1024 ** 3, percent: 25 }, swap: { bytes: 0, percent: 0 }, uptime: 86_400 * 3 + 7200 } }),
  service('cron', { monitoring: 'not monitored', status: 'Not monitored', ok: false }),
  service('job', { type: 'program', monitoring: 'initializing', status: 'Initializing' }),
]);
