// Classic daemon start-up for the demo programs: the start program forks a detached copy of itself,
// waits until it has written its pidfile (and is listening), then exits 0, as memcached -d does.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';

export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** In the start program: spawn the daemon and wait for its pidfile. Never returns. */
export async function daemonize(pidfile, timeoutMs = 10000) {
  if (existsSync(pidfile)) unlinkSync(pidfile);
  const args = process.argv.slice(1).filter((a) => a !== '--daemon');
  const child = spawn(process.execPath, [...args, '--foreground'], { detached: true, stdio: 'ignore' });
  child.unref();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(pidfile) && readFileSync(pidfile, 'utf8').trim() === String(child.pid)) process.exit(0);
    await new Promise((r) => setTimeout(r, 20));
  }
  console.error(`daemon did not write ${pidfile} within ${timeoutMs} ms`);
  process.exit(1);
}

/** In the daemon: write the pidfile once ready; remove it on SIGTERM. */
export function writePidfile(pidfile) {
  writeFileSync(pidfile, `${process.pid}\n`);
  const cleanup = () => {
    try {
      if (readFileSync(pidfile, 'utf8').trim() === String(process.pid)) unlinkSync(pidfile);
    } catch {
      // already gone
    }
    process.exit(0);
  };
  process.on('SIGTERM', cleanup);
  process.on('SIGINT', cleanup);
}
