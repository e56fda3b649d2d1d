// Shared helpers for control-file tests.
import assert from 'node:assert/strict';
import type { Config, LoadEnvironment, LoadResult } from '../../../src/model/config.ts';
import { formatDiagnostic } from '../../../src/model/errors.ts';
import { parseConfigText } from '../../../src/config/load.ts';

export const ENV: LoadEnvironment = { home: '/home/ops', isRoot: false, hostname: 'web01', cwd: '/srv/app' };

export const lines = (...l: string[]): string => `${l.join('\n')}\n`;

export function load(text: string, file = 'tsmonit.yml', env: LoadEnvironment = ENV): LoadResult {
  return parseConfigText(text, file, env);
}

export function loadOk(text: string, env: LoadEnvironment = ENV): Config {
  const r = load(text, 'tsmonit.yml', env);
  assert.ok(r.ok, r.ok ? '' : r.errors.map(formatDiagnostic).join('\n'));
  return r.config;
}

/** `CODE@line:col` for each error, in file order. */
export function errorsOf(r: LoadResult): string[] {
  return r.ok ? [] : r.errors.map((e) => `${e.code}@${e.pos.line}:${e.pos.col}`).sort(byPosition);
}

export function warningsOf(r: LoadResult): string[] {
  return r.warnings.map((e) => `${e.code}@${e.pos.line}:${e.pos.col}`).sort(byPosition);
}

function byPosition(a: string, b: string): number {
  const pos = (s: string): number[] => (s.split('@')[1] ?? '').split(':').map(Number);
  const [al = 0, ac = 0] = pos(a);
  const [bl = 0, bc = 0] = pos(b);
  return al - bl || ac - bc;
}
