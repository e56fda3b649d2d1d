// The other tools in the comparison (monit, supervisor) and the helpers the scenarios need
// (memcached, tini): found on PATH, installed with apt-get on request when root.
import { spawnSync } from 'node:child_process';

export function which(name: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() !== '' ? r.stdout.trim() : null;
}

export function toolVersion(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.split('\n')[0]?.trim() ?? '';
}

const PACKAGES = ['monit', 'supervisor', 'memcached', 'tini'];

export function installPeers(log: (line: string) => void): void {
  if (process.getuid?.() !== 0) {
    log('--install-peers needs root (apt-get); skipped');
    return;
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`apt-get install ${PACKAGES.join(' ')}`);
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], { stdio: 'inherit', env });
  if (update.status !== 0 || install.status !== 0) log('apt-get failed: the scenarios will run with whatever is installed');
}
