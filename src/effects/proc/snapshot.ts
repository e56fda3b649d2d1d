// A read-only view of one /proc pass, with a parent -> children index built once.
import type { ProcessInfo, ProcessSnapshot } from '../../model/observation.ts';

export interface SnapshotParts {
  at: number;
  cores: number;
  memTotalBytes: number;
  processes: readonly ProcessInfo[];
  percents: ReadonlyMap<number, number | null>;
}

export function buildSnapshot(parts: SnapshotParts): ProcessSnapshot {
  const byPid = new Map<number, ProcessInfo>();
  const children = new Map<number, ProcessInfo[]>();
  for (const info of parts.processes) {
    byPid.set(info.pid, info);
    const siblings = children.get(info.ppid);
    if (siblings) siblings.push(info);
    else children.set(info.ppid, [info]);
  }
  return {
    at: parts.at,
    cores: parts.cores,
    memTotalBytes: parts.memTotalBytes,
    get: (pid) => byPid.get(pid),
    all: () => parts.processes,
    descendants: (pid) => descendantsOf(children, pid),
    cpuPercent: (pid) => parts.percents.get(pid) ?? null,
  };
}

function descendantsOf(children: ReadonlyMap<number, ProcessInfo[]>, pid: number): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  const seen = new Set<number>([pid]);
  const queue = [pid];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of children.get(next) ?? []) {
      if (seen.has(child.pid)) continue; // pid 0 is its own parent in some namespaces
      seen.add(child.pid);
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}
