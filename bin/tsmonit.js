#!/usr/bin/env node
// The tsmonit command. Runs the compiled build (dist/, `npm run build`) when it is up to date, else the
// TypeScript sources through tsx. Up to date: dist/main.js is at least as new as every .ts file under src/
// (when src/ exists, as in a git checkout), so a stale dist/ never shadows edited sources.
// TSMONIT_RUN=dist or TSMONIT_RUN=src forces one or the other (the CLI tests force the build).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = `${root}dist/main.js`;
const sources = `${root}src`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function useBuild() {
  const forced = process.env.TSMONIT_RUN;
  if (forced === 'dist' || forced === 'src') return forced === 'dist';
  if (!existsSync(built)) return false;
  if (!existsSync(sources)) return true;
  return statSync(built).mtimeMs >= newestSource(sources);
}

if (useBuild()) {
  if (!existsSync(built)) {
    process.stderr.write(`tsmonit: TSMONIT_RUN=dist but ${built} does not exist (run npm run build)\n`);
    process.exit(1);
  }
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(`${root}src/main.ts`).href);
}
