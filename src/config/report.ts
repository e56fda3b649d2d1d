// What `tsmonit -t` prints: every error and warning in file order, then the verdict.
import type { LoadResult } from '../model/config.ts';
import { formatDiagnostic, type Diagnostic } from '../model/errors.ts';

export const SYNTAX_OK = 'Control file syntax OK';

function sorted(diagnostics: Diagnostic[]): Diagnostic[] {
  const fileOrder = new Map<string, number>();
  for (const d of diagnostics) if (!fileOrder.has(d.pos.file)) fileOrder.set(d.pos.file, fileOrder.size);
  return diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) =>
      (fileOrder.get(a.d.pos.file) ?? 0) - (fileOrder.get(b.d.pos.file) ?? 0) ||
      a.d.pos.line - b.d.pos.line ||
      a.d.pos.col - b.d.pos.col ||
      a.i - b.i)
    .map(({ d }) => d);
}

export function checkReport(result: LoadResult): { lines: string[]; ok: boolean } {
  const all = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  const lines = sorted(all).map(formatDiagnostic);
  if (result.ok) lines.push(SYNTAX_OK);
  return { lines, ok: result.ok };
}
