// `status >= 200`-style expectations inside protocol options.
import type { Operator } from '../../model/rule.ts';

export function compare(op: Operator, actual: number, limit: number): boolean {
  switch (op) {
    case '>': return actual > limit;
    case '>=': return actual >= limit;
    case '<': return actual < limit;
    case '<=': return actual <= limit;
    case '=': return actual === limit;
    case '!=': return actual !== limit;
  }
}
