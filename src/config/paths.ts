// File locations: `~` is the user's home; global paths are resolved against the working directory.
import { isAbsolute, join, resolve } from 'node:path';
import type { LoadEnvironment } from '../model/config.ts';

export function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  return path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** tsmonit's own files (log, pidfile, socket, statefile): absolute, so a chdir cannot move them. */
export function globalPath(path: string, env: LoadEnvironment): string {
  const expanded = expandHome(path, env.home);
  return isAbsolute(expanded) ? expanded : resolve(env.cwd, expanded);
}

export function defaultControlSocket(env: LoadEnvironment): string {
  return env.isRoot ? '/run/tsmonit/tsmonit.sock' : join(env.home, '.tsmonit.sock');
}

export function defaultStatefile(env: LoadEnvironment): string {
  return env.isRoot ? '/var/lib/tsmonit/state.json' : join(env.home, '.tsmonit.state.json');
}
