// Comparison operators of rules (`cpu > 50%`, `responsetime < 200 ms`).
import type { Operator } from '../model/rule.ts';

export function compare(op: Operator, value: number, limit: number): boolean {
  switch (op) {
    case '>':
      return value > limit;
    case '>=':
      return value >= limit;
    case '<':
      return value < limit;
    case '<=':
      return value <= limit;
    case '=':
      return value === limit;
    case '!=':
      return value !== limit;
  }
}
