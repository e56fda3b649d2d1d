// A check block while it is read, and the service it becomes.
import type { SourcePos } from '../../model/errors.ts';
import type { Command } from '../../model/rule.ts';
import type { AlertRecipient, MonitorMode, OnReboot, Schedule, ServiceSpec, ServiceType } from '../../model/service.ts';
import type { ServiceDraft } from '../contribution.ts';
import type { Diagnostics } from '../diagnostics.ts';
import { compileRules, type RuleSource } from '../services/rule-list.ts';

export type FieldKey = 'pidfile' | 'matching' | 'path' | 'address' | 'interface';

export interface CommonDraft {
  groups: string[];
  depends: string[];
  alerts: AlertRecipient[];
  noalert: string[];
  onreboot?: OnReboot;
  every?: Schedule;
  notEvery?: string;
  start?: Command;
  stop?: Command;
  restart?: Command;
}

export interface BlockDraft {
  type: ServiceType;
  pos: SourcePos;
  namePos: SourcePos;
  name?: string;
  fields: Map<FieldKey, string>;
  fieldNames: readonly string[];
  program?: Command;
  mode?: MonitorMode;
  common: CommonDraft;
  dependsAt: Map<string, SourcePos>;
  rules: RuleSource[];
}

const FIELDS: Record<ServiceType, readonly string[]> = {
  process: ['pidfile', 'matching'],
  host: ['address'],
  system: [],
  program: ['path'],
  file: ['path'],
  directory: ['path'],
  fifo: ['path'],
  filesystem: ['path'],
  network: ['interface', 'address'],
};

export function newDraft(type: ServiceType, pos: SourcePos, namePos: SourcePos): BlockDraft {
  return {
    type, pos, namePos, fields: new Map(), fieldNames: FIELDS[type], dependsAt: new Map(), rules: [],
    common: { groups: [], depends: [], alerts: [], noalert: [] },
  };
}

function typeFields(d: BlockDraft, diags: Diagnostics): object | undefined {
  if (d.type === 'system') return {};
  if (d.type === 'program') {
    if (!d.program) diags.error('TSM_E_REQUIRED', d.pos, 'a program check needs a path (the command line to run)');
    return d.program ? { program: d.program } : undefined;
  }
  const [key, value] = [...d.fields][0] ?? [];
  if (key === undefined || value === undefined) {
    diags.error('TSM_E_REQUIRED', d.pos, `a ${d.type} check needs ${d.fieldNames.map((f) => `'${f}'`).join(' or ')}`);
    return undefined;
  }
  return { [key]: value };
}

/** The finished service, as the YAML reader builds it: implicit rules, ids, defaults. */
export function finishDraft(d: BlockDraft, diags: Diagnostics): ServiceDraft | undefined {
  const fields = typeFields(d, diags);
  const { common } = d;
  const mode = d.mode ?? 'active';
  // monit's deprecated `mode manual` is passive that also keeps its state over a reboot.
  const onreboot = common.onreboot ?? (mode === 'manual' ? 'laststate' : undefined);
  const rules = compileRules(d.rules, d.type, common.start !== undefined, d.pos);
  for (const e of rules.errors) diags.add(e);
  if (d.name === undefined || fields === undefined) return undefined;
  const { errors: _errors, ...compiled } = rules;
  const spec = {
    groups: common.groups, depends: common.depends, mode, alerts: common.alerts, noalert: common.noalert,
    ...(onreboot ? { onreboot } : {}),
    ...(common.every ? { every: common.every } : {}),
    ...(common.notEvery !== undefined ? { notEvery: common.notEvery } : {}),
    ...(common.start ? { start: common.start } : {}),
    ...(common.stop ? { stop: common.stop } : {}),
    ...(common.restart ? { restart: common.restart } : {}),
    ...fields, type: d.type, name: d.name, pos: d.pos, ...compiled,
  } as ServiceSpec;
  return { spec, namePos: d.namePos, dependsAt: d.dependsAt };
}
