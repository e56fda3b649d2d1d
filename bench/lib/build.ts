// The tsmonit the benchmarks run: compiled JavaScript (as users run it), built into
// node_modules/.cache/tsmonit-bench so the shared dist/ is never touched (ignored by git and eslint; its
// imports still resolve through the project's node_modules). If the build emits nothing, the sources run
// through tsx instead.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = `${ROOT}node_modules/.cache/tsmonit-bench/dist`;

export interface TsmonitCommand {
  /** argv before the tsmonit arguments: [main.js] or the tsx fallback. */
  prefix: string[];
  env: NodeJS.ProcessEnv;
  how: string;
}

export function buildTsmonit(log: (line: string) => void): TsmonitCommand {
  rmSync(OUT, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}tsconfig.build.json`, '--outDir', OUT, '--sourceMap', 'false'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (existsSync(`${OUT}/main.js`)) {
    if (tsc.status !== 0) log(`note: tsc reported type errors (work in progress elsewhere?); running what it emitted`);
    return { prefix: [`${OUT}/main.js`], env: {}, how: 'compiled JavaScript (tsc)' };
  }
  log(`note: the build emitted nothing (${tsc.stderr || tsc.stdout}); running the sources through tsx`);
  return { prefix: [`${ROOT}bin/tsmonit.js`], env: { TSMONIT_RUN: 'src' }, how: 'TypeScript through tsx' };
}
