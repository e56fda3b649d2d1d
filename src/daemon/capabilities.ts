// What this build can carry out. A config using anything else is refused at start, never half-run.
import type { Config } from '../model/config.ts';
import type { Diagnostic } from '../model/errors.ts';
import type { Prober } from '../model/ports.ts';
import type { ChangeTarget, Rule, Test, TestKind } from '../model/rule.ts';
import type { ServiceSpec, ServiceType } from '../model/service.ts';

const PROCESS_RESOURCES = new Set(['cpu', 'totalcpu', 'memory', 'totalmemory', 'children', 'threads', 'loadavg1', 'loadavg5', 'loadavg15']);
const SYSTEM_RESOURCES = new Set(['cpu', 'cpuuser', 'cpusystem', 'cpuwait', 'memory', 'swap', 'loadavg1', 'loadavg5', 'loadavg15']);

interface Support {
  kinds: TestKind[];
  changes: ChangeTarget[];
}

const PATH_COMMON: TestKind[] = ['nonexist', 'exist', 'permission', 'identity'];

/** Test kinds and `changed` targets each check type carries out (resources and connections are looked at apart). */
const SUPPORT: Record<ServiceType, Support> = {
  process: { kinds: ['nonexist', 'exist', 'uptime', 'identity', 'resource', 'connection'], changes: ['pid', 'ppid'] },
  system: { kinds: ['uptime', 'resource'], changes: [] },
  host: { kinds: ['connection'], changes: [] },
  file: { kinds: [...PATH_COMMON, 'timestamp', 'size', 'checksum', 'content'], changes: ['size', 'checksum', 'timestamp', 'permission'] },
  directory: { kinds: [...PATH_COMMON, 'timestamp'], changes: ['timestamp', 'permission'] },
  fifo: { kinds: [...PATH_COMMON, 'timestamp'], changes: ['timestamp', 'permission'] },
  filesystem: { kinds: [...PATH_COMMON, 'space', 'inode'], changes: ['fsflags', 'permission'] },
  program: { kinds: ['status', 'content'], changes: ['status', 'content'] },
  network: { kinds: ['link', 'saturation', 'traffic'], changes: ['link'] },
};

function resourceSupported(type: ServiceType, t: Extract<Test, { kind: 'resource' }>): boolean {
  return (type === 'process' ? PROCESS_RESOURCES : SYSTEM_RESOURCES).has(t.resource);
}

function ruleSupported(spec: ServiceSpec, rule: Rule, prober: Prober): string | null {
  const t = rule.test;
  const support = SUPPORT[spec.type];
  const known = t.kind === 'changed' ? support.changes.includes(t.target) : support.kinds.includes(t.kind);
  if (known && t.kind === 'connection') {
    return prober.supports(t) ? null : 'this connection test (protocol or socket type) needs a probe that this version does not have yet';
  }
  if (known && t.kind === 'resource' && !resourceSupported(spec.type, t)) return `this test is not supported for 'check ${spec.type}' in this version yet`;
  if (known && t.kind === 'identity' && t.field === 'euid' && spec.type !== 'process') return 'euid is a process figure';
  return known ? null : `this test is not supported for 'check ${spec.type}' in this version yet`;
}

export function unsupportedParts(config: Config, prober: Prober): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const spec of config.services) {
    for (const rule of spec.rules) {
      const why = ruleSupported(spec, rule, prober);
      if (why) {
        out.push({ severity: 'error', code: 'TSM_E_UNSUPPORTED', message: `'${spec.name}' rule "${rule.text}": ${why}`, pos: rule.pos ?? spec.pos });
      }
    }
  }
  return out;
}
