// The state file: JSON {version: 2, ...}, written atomically, never fatal to read; older versions migrated on load.
import { readFile } from 'node:fs/promises';
import { TsmonitError } from '../model/errors.ts';
import { PERSISTED_STATE_VERSION, type PersistedState } from '../model/state.ts';
import type { StateStore } from '../model/ports.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { errnoCode, errnoText } from './errno-text.ts';
import { BUILT_IN_MIGRATIONS, type StateMigration } from './state-migrations.ts';

const CURRENT_VERSION = PERSISTED_STATE_VERSION;

export type { StateMigration } from './state-migrations.ts';

export interface StateStoreOptions {
  /** Added to the built-in ones (state-migrations.ts); one given here for the same version replaces it. */
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

/** `extra` migrations are added to the built-in ones; one for the same version replaces the built-in one. */
export function decodeState(text: string, extra: Readonly<Record<number, StateMigration>> = {}):
  { state: PersistedState } | { problem: string } {
  const migrations: Readonly<Record<number, StateMigration>> = { ...BUILT_IN_MIGRATIONS, ...extra };
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
