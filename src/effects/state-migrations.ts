// Built-in upgrades of the state file, keyed by the version they upgrade from. Tolerant: a migration never throws
// on odd content; whatever cannot be converted becomes the empty value the daemon starts from anyway.

/** Upgrades a state of version N to N + 1. Keyed by the version it upgrades from. */
export type StateMigration = (old: Record<string, unknown>) => Record<string, unknown>;

const HISTORY_LENGTH = 64;

/** 1 -> 2: a rule's history was a boolean[] (newest first); it is now a '0'/'1' string, at most 64 characters. */
export const historiesAsStrings: StateMigration = (old) => {
  // No services object: left as it is for decodeState to report.
  if (!isRecord(old.services)) return { ...old, version: 2 };
  const services: Record<string, unknown> = {};
  for (const [key, service] of Object.entries(old.services)) {
    services[key] = isRecord(service) && isRecord(service.rules) ? { ...service, rules: migrateRules(service.rules) } : service;
  }
  return { ...old, version: 2, services };
};

function migrateRules(rules: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, rule] of Object.entries(rules)) out[id] = isRecord(rule) ? { ...rule, history: historyString(rule.history) } : rule;
  return out;
}

/** An array of booleans becomes '1'/'0'; anything else (not an array, a non-boolean inside) an empty history. */
export function historyString(value: unknown): string {
  if (!Array.isArray(value)) return '';
  let text = '';
  for (const result of value.slice(0, HISTORY_LENGTH)) {
    if (typeof result !== 'boolean') return '';
    text += result ? '1' : '0';
  }
  return text;
}

export const BUILT_IN_MIGRATIONS: Readonly<Record<number, StateMigration>> = { 1: historiesAsStrings };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
