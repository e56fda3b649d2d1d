// What this build can carry out. A config using anything else is refused at start, never half-run.
import type { Config } from '../model/config.ts';
import type { Diagnostic } from '../model/errors.ts';
import type { Prober } from '../model/ports.ts';
import type { Rule } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';

const PROCESS_RESOURCES = new Set(['cpu', 'totalcpu', 'memory', 'totalmemory', 'children', 'threads', 'loadavg1', 'loadavg5', 'loadavg15']);
const SYSTEM_RESOURCES = new Set(['cpu', 'cpuuser', 'cpusystem', 'cpuwait', 'memory', 'swap', 'loadavg1', 'loadavg5', 'loadavg15']);

function ruleSupported(spec: ServiceSpec, rule: Rule, prober: Prober): string | null {
  const t = rule.test;
  if (t.kind === 'connection') {
    if (spec.type !== 'process' && spec.type !== 'host') return null;
    return prober.supports(t) ? null : 'this connection test (protocol or socket type) needs a probe that this version does not have yet';
  }
  if (spec.type === 'process') {
    if (t.kind === 'nonexist' || t.kind === 'exist' || t.kind === 'uptime') return null;
    if (t.kind === 'changed' && (t.target === 'pid' || t.target === 'ppid')) return null;
    if (t.kind === 'resource' && PROCESS_RESOURCES.has(t.resource)) return null;
    if (t.kind === 'identity') return null; // names are resolved by identity-names.ts
  }
  if (spec.type === 'system') {
    if (t.kind === 'uptime') return null;
    if (t.kind === 'resource' && SYSTEM_RESOURCES.has(t.resource)) return null;
  }
  return `this test is not supported for 'check ${spec.type}' in this version yet`;
}

export function unsupportedParts(config: Config, prober: Prober): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const spec of config.services) {
    if (!['process', 'system', 'host'].includes(spec.type)) {
      out.push({
        severity: 'error',
        code: 'TSM_E_UNSUPPORTED',
        message: `check ${spec.type} '${spec.name}': this check type is not supported by this version yet`,
        pos: spec.pos,
      });
      continue;
    }
    for (const rule of spec.rules) {
      const why = ruleSupported(spec, rule, prober);
      if (why) {
        out.push({ severity: 'error', code: 'TSM_E_UNSUPPORTED', message: `'${spec.name}' rule "${rule.text}": ${why}`, pos: rule.pos ?? spec.pos });
      }
    }
  }
  return out;
}
