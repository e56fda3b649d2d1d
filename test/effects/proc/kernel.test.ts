import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir, uptime } from 'node:os';
import { join } from 'node:path';
import {
  CLOCK_TICKS_PER_SECOND, derivePageSizeSync, parseMeminfo, readBootTimeSync, readMemTotalSync,
} from '../../../src/effects/proc/kernel.ts';

test('the clock tick constant matches getconf CLK_TCK', () => {
  assert.equal(Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()), CLOCK_TICKS_PER_SECOND);
});

test('the derived page size matches getconf PAGESIZE', () => {
  assert.equal(derivePageSizeSync('/proc'), Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()));
  assert.equal(derivePageSizeSync('/nonexistent'), 4096);
});

test('boot time agrees with the uptime', () => {
  const expected = Date.now() - uptime() * 1000;
  assert.ok(Math.abs(readBootTimeSync('/proc') - expected) < 5000);
});

test('meminfo values are bytes', () => {
  const info = parseMeminfo('MemTotal:       2048 kB\nHugePages_Total:       0\nActive(anon):  10 kB\n');
  assert.equal(info.get('MemTotal'), 2048 * 1024);
  assert.equal(info.get('Active(anon)'), 10 * 1024);
  assert.ok((parseMeminfo(readFileSync('/proc/meminfo', 'utf8')).get('MemTotal') ?? 0) > 0);
});

test('MemTotal is read in bytes, 0 when meminfo cannot be read', () => {
  const root = mkdtempSync(join(tmpdir(), 'meminfo-'));
  writeFileSync(join(root, 'meminfo'), 'MemFree:        1024 kB\nMemTotal:       2048 kB\n');
  assert.equal(readMemTotalSync(root), 2048 * 1024);
  assert.equal(readMemTotalSync(join(root, 'missing')), 0);
  assert.equal(readMemTotalSync('/proc'), parseMeminfo(readFileSync('/proc/meminfo', 'utf8')).get('MemTotal'));
});
