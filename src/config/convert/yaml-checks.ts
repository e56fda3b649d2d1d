// Each service as a `checks` item (config.md "YAML: a check"): its type key and name first, then
// its fields and rules. Defaults are left out; implicit rules too (the reader adds them again).
import type { Command } from '../../model/rule.ts';
import type { ServiceSpec } from '../../model/service.ts';
import { recipient, compact } from './yaml-globals.ts';
import { ruleEntries } from './rule-entries.ts';
import { durationText, hasCommandOptions } from './units.ts';

type Obj = Record<string, unknown>;

function command(c: Command): unknown {
  if (!hasCommandOptions(c)) return c.text;
  return compact({ program: c.text, timeout: c.timeoutMs === undefined ? undefined : durationText(c.timeoutMs), uid: c.uid, gid: c.gid });
}

function oneOrMany(list: readonly string[]): unknown {
  if (list.length === 0) return undefined;
  return list.length === 1 ? list[0] : [...list];
}

function typeFields(s: ServiceSpec): Obj {
  switch (s.type) {
    case 'process':
      return compact({ pidfile: s.pidfile, matching: s.matching });
    case 'host':
      return { address: s.address };
    case 'system':
      return {};
    case 'program': {
      const p = s.program;
      return compact({ path: p.text, timeout: p.timeoutMs === undefined ? undefined : durationText(p.timeoutMs), uid: p.uid, gid: p.gid });
    }
    case 'network':
      return compact({ interface: s.interface, address: s.address });
    default:
      return { path: s.path };
  }
}

export function checkObject(s: ServiceSpec): Obj {
  const rules = ruleEntries(s).map((e) => e.text);
  return compact({
    [s.type]: s.name,
    ...typeFields(s),
    group: oneOrMany(s.groups),
    depends: oneOrMany(s.depends),
    mode: s.mode === 'active' ? undefined : s.mode,
    onreboot: s.onreboot,
    every: s.every ? (s.every.kind === 'cycles' ? s.every.cycles : s.every.cron) : undefined,
    not_every: s.notEvery,
    start: s.start ? command(s.start) : undefined,
    stop: s.stop ? command(s.stop) : undefined,
    restart: s.restart ? command(s.restart) : undefined,
    alerts: s.alerts.length > 0 ? s.alerts.map(recipient) : undefined,
    noalert: oneOrMany(s.noalert),
    rules: rules.length > 0 ? rules : undefined,
  });
}
