// The CLI tests run the built binary (dist/ via bin/tsmonit.js with TSMONIT_RUN=dist). The build is made
// once per test process when dist/ is older than src/, in a fresh directory swapped in by renames, so a
// test that starts bin/tsmonit.js meanwhile sees either the old or the new dist/, never half of one.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { ROOT } from '../../helpers/processes.ts';

const DIST = `${ROOT}dist`;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

export function distIsFresh(): boolean {
  const main = `${DIST}/main.js`;
  return existsSync(main) && statSync(main).mtimeMs >= newestSource(`${ROOT}src`);
}

function build(): void {
  const tmp = `${ROOT}dist.build-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${ROOT}tsconfig.build.json`, '--outDir', tmp], {
    cwd: ROOT, encoding: 'utf8',
  });
  // tsc emits despite type errors elsewhere in the tree (other work in progress); only a missing entry fails.
  if (!existsSync(`${tmp}/main.js`)) throw new Error(`the build failed:\n${tsc.stdout}${tsc.stderr}`);
  const old = `${ROOT}dist.old-${process.pid}`;
  try {
    renameSync(DIST, old);
  } catch {
    // no dist/ yet, or another test process swapped it first
  }
  try {
    renameSync(tmp, DIST);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process put a fresh build in place first
  }
  rmSync(old, { recursive: true, force: true });
}

let built = false;

/** Builds dist/ unless it is at least as new as every source file. */
export function ensureBuilt(): void {
  if (built) return;
  if (!distIsFresh()) build();
  built = true;
}
