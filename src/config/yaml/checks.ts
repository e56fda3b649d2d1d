// `checks:` each item has exactly one type key whose value is the service name, the common
// keys (group, depends, mode, onreboot, every, not_every, alerts, noalert, rules, start/stop/restart)
// and its type's own keys.
import { isSeq } from 'yaml';
import type { LoadEnvironment } from '../../model/config.ts';
import type { SourcePos } from '../../model/errors.ts';
import { SERVICE_TYPES, type ServiceSpec, type ServiceType } from '../../model/service.ts';
import type { ServiceDraft } from '../contribution.ts';
import { compileRules, type RuleSource } from '../services/rule-list.ts';
import { readAlerts } from './alerts.ts';
import { keyHint, readTypeFields, TYPE_KEYS } from './check-types.ts';
import { readCommand } from './commands.ts';
import { locateInScalar } from './scalar-offsets.ts';
import { readCron, readEvery } from './schedule.ts';
import type { Entry, Field, YamlSource } from './source.ts';
import { byKey, checkKeys, entriesOf, itemsOf, name, oneOf, str, strList } from './values.ts';

const COMMON_KEYS = ['group', 'depends', 'mode', 'onreboot', 'every', 'not_every', 'alerts', 'noalert', 'rules', 'start', 'stop', 'restart'];
const MODES = ['active', 'passive', 'manual'] as const;
const ONREBOOT = ['start', 'nostart', 'laststate'] as const;

function serviceName(src: YamlSource, e: Entry, type: ServiceType, env: LoadEnvironment): string | undefined {
  if (src.describe(e.node) === 'empty') {
    src.diags.error('TSM_E_SERVICE_NAME', e.keyPos, `a ${type} check needs a name`);
    return undefined;
  }
  const raw = name(src, e);
  if (raw === undefined) return undefined;
  const n = type === 'system' ? raw.replaceAll('$HOST', env.hostname) : raw;
  if (n.trim() === '') src.diags.error('TSM_E_SERVICE_NAME', e.pos, 'a service name may not be empty');
  else if (n === 'all') src.diags.error('TSM_E_SERVICE_NAME', e.pos, "'all' is reserved (it means every service) and cannot be a service name");
  else return n;
  return undefined;
}

function ruleSources(src: YamlSource, f: Field | undefined): RuleSource[] {
  if (!f) return [];
  const n = src.deref(f.node);
  const items = n && isSeq(n) ? itemsOf(src, f) ?? [] : [f];
  return items.flatMap((item) => {
    const text = str(src, item);
    return text === undefined || !item.node ? [] : [{ text, locate: locateInScalar(src, item.node) }];
  });
}

type Common = Omit<ServiceSpec, 'type' | 'name' | 'pos' | 'rules' | 'restartLimits' | 'ignoreContent'> & {
  dependsAt: Map<string, SourcePos>;
};

function readCommon(src: YamlSource, k: Map<string, Entry>): Common {
  const get = (key: string): Entry | undefined => k.get(key);
  const list = (key: string): Array<{ value: string; pos: SourcePos }> => (get(key) ? strList(src, get(key) as Entry) : []);
  const depends = list('depends');
  const c: Common = {
    groups: list('group').map((g) => g.value),
    depends: depends.map((d) => d.value),
    dependsAt: new Map(depends.map((d) => [d.value, d.pos])),
    mode: (get('mode') ? oneOf(src, get('mode') as Entry, MODES) : undefined) ?? 'active',
    alerts: get('alerts') ? readAlerts(src, get('alerts') as Entry) : [],
    noalert: list('noalert').map((n) => n.value),
  };
  const onreboot = get('onreboot') ? oneOf(src, get('onreboot') as Entry, ONREBOOT) : undefined;
  // monit's deprecated `mode manual` is passive that also keeps its state over a reboot.
  if (onreboot) c.onreboot = onreboot;
  else if (c.mode === 'manual') c.onreboot = 'laststate';
  const every = get('every') ? readEvery(src, get('every') as Entry) : undefined;
  if (every) c.every = every;
  const notEvery = get('not_every') ? readCron(src, get('not_every') as Entry) : undefined;
  if (notEvery) c.notEvery = notEvery;
  for (const key of ['start', 'stop', 'restart'] as const) {
    const cmd = get(key) ? readCommand(src, get(key) as Entry) : undefined;
    if (cmd) c[key] = cmd;
  }
  return c;
}

function typeEntryOf(src: YamlSource, item: Field, entries: Entry[]): Entry | undefined {
  const typed = entries.filter((e) => (SERVICE_TYPES as readonly string[]).includes(e.key));
  const first = typed[0];
  if (!first) {
    src.diags.error('TSM_E_CHECK_TYPE', item.pos, `${item.name} needs one type key (${SERVICE_TYPES.join(', ')}) whose value is its name`);
  }
  for (const extra of typed.slice(1)) {
    src.diags.error('TSM_E_CHECK_TYPE', extra.keyPos, `a check has exactly one type key, but '${first?.key}' and '${extra.key}' are both given`);
  }
  return first;
}

function readCheck(src: YamlSource, item: Field, env: LoadEnvironment): ServiceDraft | undefined {
  const entries = entriesOf(src, item);
  const typeEntry = entries ? typeEntryOf(src, item, entries) : undefined;
  if (!entries || !typeEntry) return undefined;
  const type = typeEntry.key as ServiceType;
  const name = serviceName(src, typeEntry, type, env);
  const rest = entries.filter((e) => !(SERVICE_TYPES as readonly string[]).includes(e.key));
  checkKeys(src, rest, [...COMMON_KEYS, ...TYPE_KEYS[type]], `a ${type} check`, keyHint(type));
  const k = byKey(rest);
  const { dependsAt, ...common } = readCommon(src, k);
  const fields = readTypeFields(src, k, typeEntry, env);
  const rules = compileRules(ruleSources(src, k.get('rules')), type, common.start !== undefined, typeEntry.keyPos);
  for (const d of rules.errors) src.diags.add(d);
  // A check with bad type keys still takes part in name and dependency checks (the load fails anyway).
  if (name === undefined) return undefined;
  const { errors: _errors, ...compiled } = rules;
  const spec = { ...common, ...fields, type, name, pos: typeEntry.keyPos, ...compiled } as ServiceSpec;
  return { spec, namePos: typeEntry.pos, dependsAt };
}

export function readChecks(src: YamlSource, f: Field, env: LoadEnvironment): ServiceDraft[] {
  return (itemsOf(src, f) ?? []).flatMap((item) => {
    const draft = readCheck(src, item, env);
    return draft ? [draft] : [];
  });
}
