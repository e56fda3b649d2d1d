// Shared helpers for the monit control file tests.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { parseConfigText } from '../../../src/config/load.ts';
import type { Config, LoadEnvironment, LoadResult } from '../../../src/model/config.ts';
import { formatDiagnostic } from '../../../src/model/errors.ts';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const CORPUS = 'test/fixtures/monitrc';

/** Relative paths in positions (test/fixtures/...) read against the repository root. */
export const ENV: LoadEnvironment = { home: '/home/ops', isRoot: false, hostname: 'web01', cwd: ROOT };

export const lines = (...l: string[]): string => `${l.join('\n')}\n`;

export function loadMonitrc(text: string, file = 'monitrc', env: LoadEnvironment = ENV): LoadResult {
  return parseConfigText(text, file, env);
}

export function loadYaml(text: string, env: LoadEnvironment = ENV): LoadResult {
  return parseConfigText(text, 'tsmonit.yml', env);
}

export function ok(r: LoadResult): Config {
  assert.ok(r.ok, r.ok ? '' : r.errors.map(formatDiagnostic).join('\n'));
  return r.config;
}

/** The model without what depends on where it was written: positions and the list of files read. */
export function placeless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(placeless);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'pos' && k !== 'files') out[k] = placeless(v);
  return out;
}

/** `CODE@line:col` of each error. */
export function errorsOf(r: LoadResult): string[] {
  return r.ok ? [] : r.errors.map((e) => `${e.code}@${e.pos.line}:${e.pos.col}`);
}

export function warningsOf(r: LoadResult): string[] {
  return r.warnings.map((e) => `${e.code}@${e.pos.line}:${e.pos.col}`);
}
