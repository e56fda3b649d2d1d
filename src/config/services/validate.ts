// Checks across all files: unique names, known dependencies, no dependency cycles.
import { findCycles } from '../../model/dependency-graph.ts';
import type { ServiceDraft } from '../contribution.ts';
import type { Diagnostics } from '../diagnostics.ts';

function where(pos: ServiceDraft['namePos']): string {
  return `${pos.file}:${pos.line}:${pos.col}`;
}

export function validateServices(drafts: readonly ServiceDraft[], diags: Diagnostics): void {
  const byName = new Map<string, ServiceDraft>();
  for (const d of drafts) {
    const first = byName.get(d.spec.name);
    if (first) diags.error('TSM_E_DUPLICATE_SERVICE', d.namePos, `service '${d.spec.name}' is already defined at ${where(first.namePos)}`);
    else byName.set(d.spec.name, d);
  }
  for (const d of byName.values()) {
    for (const dep of d.spec.depends) {
      if (byName.has(dep)) continue;
      const pos = d.dependsAt.get(dep) ?? d.namePos;
      diags.error('TSM_E_UNKNOWN_DEPENDENCY', pos, `'${d.spec.name}' depends on '${dep}', which is not a service`);
    }
  }
  const nodes = [...byName.values()].map((d) => ({ name: d.spec.name, depends: d.spec.depends }));
  for (const cycle of findCycles(nodes)) {
    const [from, to] = cycle;
    const draft = from === undefined ? undefined : byName.get(from);
    if (!draft || to === undefined) continue;
    const message = cycle.length === 2 ? `'${from}' depends on itself` : `dependency cycle: ${cycle.join(' -> ')}`;
    diags.error('TSM_E_DEPENDENCY_CYCLE', draft.dependsAt.get(to) ?? draft.namePos, message);
  }
}
