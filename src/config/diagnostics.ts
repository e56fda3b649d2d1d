// Collects errors and warnings; a control file reports all of them, never just the first.
import type { Diagnostic, ErrorCode, SourcePos } from '../model/errors.ts';

export class Diagnostics {
  readonly errors: Diagnostic[] = [];
  readonly warnings: Diagnostic[] = [];

  error(code: ErrorCode, pos: SourcePos, message: string): void {
    this.errors.push({ severity: 'error', code, message, pos });
  }

  warn(code: ErrorCode, pos: SourcePos, message: string): void {
    this.warnings.push({ severity: 'warning', code, message, pos });
  }

  add(d: Diagnostic): void {
    (d.severity === 'error' ? this.errors : this.warnings).push(d);
  }
}
