// Shared helpers for rule grammar tests.
import assert from 'node:assert/strict';
import type { ParsedRule, RestartLimit, Rule } from '../../../src/model/rule.ts';
import type { ServiceType } from '../../../src/model/service.ts';
import { parseRule } from '../../../src/config/rules/index.ts';

export const AT = { file: 'rules.yml', line: 1, col: 1 };

export function parseOk(text: string, type: ServiceType = 'process'): ParsedRule[] {
  const r = parseRule(text, { serviceType: type, pos: AT });
  assert.deepEqual(r.errors, [], `${text}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.parsed;
}

export function ruleOf(text: string, type: ServiceType = 'process'): Rule {
  const parsed = parseOk(text, type);
  assert.equal(parsed.length, 1, text);
  const p = parsed[0];
  assert.ok(p && p.type === 'rule', `${text} is not an if-rule`);
  return p.rule;
}

export function limitOf(text: string, type: ServiceType = 'process'): RestartLimit {
  const p = parseOk(text, type)[0];
  assert.ok(p && p.type === 'restartLimit', `${text} is not a restart limit`);
  return p.limit;
}

/** Compares only the fields the expectation names. */
export function assertFields(actual: object, expected: object, label: string): void {
  for (const [k, v] of Object.entries(expected)) {
    assert.deepEqual((actual as Record<string, unknown>)[k], v, `${label}: field ${k}`);
  }
}
