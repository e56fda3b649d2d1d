// `tsmonit convert MONITRC`: the YAML equivalent on stdout, which tsmonit -t accepts.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { oneLine, tempDir, tsmonit } from './helpers/cli.ts';

test('convert prints YAML that tsmonit -t accepts', async () => {
  const dir = tempDir();
  const monitrc = join(dir, 'monitrc');
  writeFileSync(monitrc, `set daemon 30
check process web with pidfile ${dir}/web.pid
  start program = "/usr/bin/web start"
  if failed port 8080 type tcp then restart
`, { mode: 0o600 });
  const r = await tsmonit(['convert', monitrc]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^ {2}- process: web$/m);
  const yaml = join(dir, 'converted.yml');
  writeFileSync(yaml, r.stdout, { mode: 0o600 });
  const check = await tsmonit(['-t', '-c', yaml]);
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stdout, /Control file syntax OK/);
});

test('convert of a file that does not exist is one line and exit 1', async () => {
  const r = await tsmonit(['convert', '/nonexistent/monitrc']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(oneLine(r.stderr), /^tsmonit: cannot read the control file \/nonexistent\/monitrc: ENOENT/);
  assert.doesNotMatch(r.stderr, /^\s+at /m);
});
