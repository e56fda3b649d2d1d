// The keys of each check type (config.md "YAML: a check").
import type { LoadEnvironment } from '../../model/config.ts';
import type { ServiceType } from '../../model/service.ts';
import type { NetworkSpec, ProcessSpec, ProgramSpec } from '../../model/service.ts';
import { expandHome } from '../paths.ts';
import { regexProblem } from '../rules/regex.ts';
import { commandFromText, idOf } from './commands.ts';
import type { Entry, YamlSource } from './source.ts';
import { duration, str } from './values.ts';

export const TYPE_KEYS: Record<ServiceType, readonly string[]> = {
  process: ['pidfile', 'matching'],
  host: ['address'],
  system: [],
  program: ['path', 'timeout', 'uid', 'gid'],
  file: ['path'],
  directory: ['path'],
  fifo: ['path'],
  filesystem: ['path'],
  network: ['interface', 'address'],
};

/** Where a key belongs, when it is some other check type's. */
export function keyHint(type: ServiceType): (key: string) => string | undefined {
  return (key) => {
    const owners = (Object.keys(TYPE_KEYS) as ServiceType[]).filter((t) => t !== type && TYPE_KEYS[t].includes(key));
    return owners.length > 0 ? `'${key}' belongs to ${owners.join(', ')} checks` : undefined;
  };
}

/** The type-specific fields; undefined when a required one is missing or bad. */
export type TypeFields =
  | Pick<ProcessSpec, 'pidfile' | 'matching'>
  | { address: string }
  | Record<string, never>
  | Pick<ProgramSpec, 'program'>
  | { path: string }
  | Pick<NetworkSpec, 'interface' | 'address'>;

type Keys = Map<string, Entry>;

function required(src: YamlSource, keys: Keys, key: string, typeEntry: Entry): Entry | undefined {
  const e = keys.get(key);
  if (!e) src.diags.error('TSM_E_REQUIRED', typeEntry.keyPos, `a ${typeEntry.key} check needs '${key}'`);
  return e;
}

/** Exactly one of two keys. */
function either(src: YamlSource, keys: Keys, a: string, b: string, typeEntry: Entry): Entry | undefined {
  const ea = keys.get(a);
  const eb = keys.get(b);
  if (ea && eb) {
    const second = ea.keyPos.line > eb.keyPos.line || (ea.keyPos.line === eb.keyPos.line && ea.keyPos.col > eb.keyPos.col) ? ea : eb;
    src.diags.error('TSM_E_VALUE', second.keyPos, `a ${typeEntry.key} check takes '${a}' or '${b}', not both`);
    return undefined;
  }
  if (!ea && !eb) src.diags.error('TSM_E_REQUIRED', typeEntry.keyPos, `a ${typeEntry.key} check needs '${a}' or '${b}'`);
  return ea ?? eb;
}

function processFields(src: YamlSource, keys: Keys, typeEntry: Entry, env: LoadEnvironment): TypeFields | undefined {
  const e = either(src, keys, 'pidfile', 'matching', typeEntry);
  const value = e ? str(src, e) : undefined;
  if (!e || value === undefined) return undefined;
  if (e.key === 'pidfile') return { pidfile: expandHome(value, env.home) };
  const problem = regexProblem(value);
  if (problem) src.diags.error('TSM_E_REGEX', e.pos, `matching: ${problem}`);
  return problem ? undefined : { matching: value };
}

function programFields(src: YamlSource, keys: Keys, typeEntry: Entry): TypeFields | undefined {
  const path = required(src, keys, 'path', typeEntry);
  const text = path ? str(src, path) : undefined;
  const command = path && text !== undefined ? commandFromText(src, path, text) : undefined;
  const timeout = keys.get('timeout');
  const timeoutMs = timeout ? duration(src, timeout) : undefined;
  // monit's `check program NAME path "cmd" as uid U and gid G`.
  const uid = keys.get('uid');
  const gid = keys.get('gid');
  const u = uid ? idOf(src, uid) : undefined;
  const g = gid ? idOf(src, gid) : undefined;
  if (!command) return undefined;
  return {
    program: {
      ...command,
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(u === undefined ? {} : { uid: u }),
      ...(g === undefined ? {} : { gid: g }),
    },
  };
}

export function readTypeFields(src: YamlSource, keys: Keys, typeEntry: Entry, env: LoadEnvironment): TypeFields | undefined {
  const type = typeEntry.key as ServiceType;
  switch (type) {
    case 'system':
      return {};
    case 'process':
      return processFields(src, keys, typeEntry, env);
    case 'program':
      return programFields(src, keys, typeEntry);
    case 'host': {
      const e = required(src, keys, 'address', typeEntry);
      const address = e ? str(src, e) : undefined;
      return address === undefined ? undefined : { address };
    }
    case 'network': {
      const e = either(src, keys, 'interface', 'address', typeEntry);
      const value = e ? str(src, e) : undefined;
      if (!e || value === undefined) return undefined;
      return e.key === 'interface' ? { interface: value } : { address: value };
    }
    default: {
      const e = required(src, keys, 'path', typeEntry);
      const path = e ? str(src, e) : undefined;
      return path === undefined ? undefined : { path: expandHome(path, env.home) };
    }
  }
}
