// A real tsmonit process (bin/tsmonit.js) with httpd on a free loopback port, supervising real fixture
// processes, for the browser to look at. ${PORT}, ${PORT2}, ${PORT3} in the template are free ports.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expand, tempDir } from '../../helpers/harness.ts';
import { freePort, killPidfiles, pidFrom } from '../../helpers/processes.ts';
import { spawnTsmonit, waitForLog, type TsmonitProcess } from '../../helpers/tsmonit-process.ts';
import { waitFor } from '../../helpers/wait.ts';
import type { Credentials } from './browser.ts';

export const ADMIN: Credentials = { user: 'admin', password: 'dashboard-admin-pw' };
export const GUEST: Credentials = { user: 'guest', password: 'dashboard-guest-pw' };

export interface DashboardDaemon {
  base: string;
  dir: string;
  log: string;
  ports: number[];
  daemon: TsmonitProcess;
  pid(pidfileName: string): number | null;
  /** GET an API path as admin (Basic auth, no browser). */
  api(path: string): Promise<unknown>;
  stop(): Promise<void>;
}

function basic({ user, password }: Credentials): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** The httpd section every dashboard config shares: admin may act, guest may only look. */
export function httpdSection(port: number): string {
  return `httpd:
  port: ${port}
  address: 127.0.0.1
  allow:
    - ${ADMIN.user}:${ADMIN.password}
    - ${GUEST.user}:${GUEST.password} readonly
`;
}

export async function startDashboardDaemon(checks: string, options: { cycle?: string; ready?: (services: Array<{ name: string; status: string }>) => boolean } = {}): Promise<DashboardDaemon> {
  const dir = tempDir('tsmonit-dashboard-');
  const httpPort = await freePort();
  const ports = [await freePort(), await freePort(), await freePort()];
  const log = join(dir, 'tsmonit.log');
  const file = join(dir, 'monitrc.yml');
  const text = `daemon: ${options.cycle ?? '1s'}
log: ${log}
statefile: ${dir}/state.json
control_socket: false
${httpdSection(httpPort)}
checks:
${checks}`;
  writeFileSync(file, expand(text, dir).replaceAll('${PORT}', String(ports[0])).replaceAll('${PORT2}', String(ports[1])).replaceAll('${PORT3}', String(ports[2])), { mode: 0o600 });
  const daemon = spawnTsmonit(['-c', file]);
  const base = `http://127.0.0.1:${httpPort}`;
  const stop = async () => {
    daemon.child.kill('SIGTERM');
    await Promise.race([daemon.exited, new Promise((r) => setTimeout(r, 5000))]);
    daemon.child.kill('SIGKILL');
    killPidfiles(...['web', 'worker', 'evil', 'db', 'cache', 'queue'].map((n) => join(dir, `${n}.pid`)));
    rmSync(dir, { recursive: true, force: true });
  };
  const api = async (path: string) => {
    const r = await fetch(`${base}${path}`, { headers: { authorization: basic(ADMIN) } });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  let last: Array<{ name: string; status: string }> = [];
  try {
    await waitForLog(log, /dashboard and API on http:\/\/127\.0\.0\.1:\d+/, 30_000);
    const ready = options.ready ?? ((list) => list.every((s) => s.status === 'OK'));
    await waitFor('every service checked and ready', async () => {
      last = ((await api('/api/v1/services')) as { services: Array<{ name: string; status: string }> }).services;
      return ready(last);
    }, { timeoutMs: 30_000 });
  } catch (err) {
    const why = `${(err as Error).message}\nservices: ${JSON.stringify(last.map((s) => [s.name, s.status]))}\nstderr: ${daemon.stderr()}`;
    await stop();
    throw new Error(why, { cause: err });
  }
  return { base, dir, log, ports, daemon, pid: (name) => pidFrom(join(dir, name)), api, stop };
}
