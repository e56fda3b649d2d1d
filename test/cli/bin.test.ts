// bin/tsmonit.js runs dist/ only when it is at least as new as every source file, so a stale build never
// shadows edited sources; TSMONIT_RUN forces either. Shown on a copy of bin/ with stand-in entries.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers/processes.ts';
import { tempDir } from './helpers/cli.ts';

test('dist/ when fresh, src/ when a source is newer, TSMONIT_RUN to force', () => {
  const root = tempDir('tsmonit-bin-');
  for (const d of ['bin', 'dist', 'src/cli']) mkdirSync(join(root, d), { recursive: true });
  copyFileSync(`${ROOT}bin/tsmonit.js`, join(root, 'bin/tsmonit.js'));
  symlinkSync(`${ROOT}node_modules`, join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'src/main.ts'), "const from: string = 'src';\nconsole.log(from);\n");
  writeFileSync(join(root, 'src/cli/args.ts'), 'export {};\n');
  writeFileSync(join(root, 'dist/main.js'), "console.log('dist');\n");
  const run = (env: Record<string, string> = {}) =>
    execFileSync(process.execPath, [join(root, 'bin/tsmonit.js')], { env: { ...process.env, TSMONIT_RUN: '', ...env }, encoding: 'utf8' }).trim();
  const at = (file: string, seconds: number) => utimesSync(join(root, file), seconds, seconds);

  at('src/main.ts', 1000);
  at('src/cli/args.ts', 1000);
  at('dist/main.js', 2000);
  assert.equal(run(), 'dist', 'the build is newer than every source');
  at('src/cli/args.ts', 3000);
  assert.equal(run(), 'src', 'a source edited after the build: the build is stale');
  assert.equal(run({ TSMONIT_RUN: 'dist' }), 'dist');
  at('src/cli/args.ts', 1000);
  assert.equal(run({ TSMONIT_RUN: 'src' }), 'src');
});
