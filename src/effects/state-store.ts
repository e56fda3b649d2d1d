// The state file: JSON {version: 1, ...}, written atomically, never fatal to read.
import { readFile } from 'node:fs/promises';
import { TsmonitError } from '../model/errors.ts';
import type { PersistedState } from '../model/state.ts';
import type { StateStore } from '../model/ports.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { errnoCode, errnoText } from './errno-text.ts';

const CURRENT_VERSION = 1;

/** Upgrades a state of version N to N + 1. Keyed by the version it upgrades from. */
export type StateMigration = (old: Record<string, unknown>) => Record<string, unknown>;

export interface StateStoreOptions {
  migrations?: Readonly<Record<number, StateMigration>>;
}

export function createStateStore(path: string, options: StateStoreOptions = {}): StateStore {
  const migrations = options.migrations ?? {};
  let saving: Promise<void> = Promise.resolve();

  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if (errnoCode(error) === 'ENOENT') return { state: null };
        return { state: null, problem: `state file ${path} cannot be read: ${errnoText(error)}` };
      }
      const result = decodeState(text, migrations);
      return 'problem' in result ? { state: null, problem: `state file ${path}: ${result.problem}` } : result;
    },
    save(state) {
      // One write at a time, in call order, so an older state never overwrites a newer one.
      const next = saving.then(() => writeState(path, state));
      saving = next.catch(() => undefined);
      return next;
    },
  };
}

async function writeState(path: string, state: PersistedState): Promise<void> {
  try {
    await writeFileAtomic(path, `${JSON.stringify(state)}\n`);
  } catch (error) {
    throw new TsmonitError('TSM_E_STATE_FILE', `state file ${path} cannot be written: ${errnoText(error)}`);
  }
}

export function decodeState(text: string, migrations: Readonly<Record<number, StateMigration>> = {}):
  { state: PersistedState } | { problem: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { problem: text.trim() === '' ? 'empty' : 'not valid JSON (truncated?)' };
  }
  if (!isRecord(raw) || typeof raw.version !== 'number') return { problem: 'no version field' };
  let current: Record<string, unknown> = raw;
  while (typeof current.version === 'number' && current.version < CURRENT_VERSION) {
    const migrate = migrations[current.version];
    if (!migrate) return { problem: `version ${current.version} cannot be migrated` };
    const from = current.version;
    try {
      current = migrate(current);
    } catch (error) {
      return { problem: `migration from version ${from} failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!(typeof current.version === 'number' && current.version > from)) {
      return { problem: `migration from version ${from} did not raise the version` };
    }
  }
  if (current.version !== CURRENT_VERSION) return { problem: `unsupported version ${String(current.version)}` };
  if (typeof current.bootTime !== 'number' || typeof current.savedAt !== 'number' || !isRecord(current.services)) {
    return { problem: 'missing bootTime, savedAt or services' };
  }
  return { state: current as unknown as PersistedState };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
