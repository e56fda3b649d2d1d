// One look at the process table, read lazily: a process is read (stat, status, cmdline) the first time a
// check asks for it, at most once per snapshot; the whole table only when something needs every process
// (`matching`, or descendants on a kernel without children files). A cycle so reads the monitored processes and
// their descendants, not every process on the host (the overhead benchmark: cost grows with what is monitored).
import { readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ProcessInfo, ProcessSnapshot } from '../../model/observation.ts';
import { childPidsSync } from './children.ts';
import { cpuKey, type CpuBaseline } from './cpu-percent.ts';
import type { ProcReader } from './proc-reader.ts';

export interface SnapshotParts {
  reader: ProcReader;
  at: number;
  cores: number;
  memTotalBytes: number;
  baseline: CpuBaseline;
  /** A cycle's read moves the CPU baseline; a read for an action or an early check does not. */
  cycle: boolean;
}

interface Read {
  info: ProcessInfo;
  cpuPercent: number | null;
}

export function createSnapshot(parts: SnapshotParts): ProcessSnapshot {
  const { reader } = parts;
  const { kernel } = reader;
  const reads = new Map<number, Read | null>();
  let everyProcess: ProcessInfo[] | null = null;
  let childrenIndex: Map<number, ProcessInfo[]> | null = null;

  const read = (pid: number): Read | null => {
    let got = reads.get(pid);
    if (got === undefined) {
      const info = reader.process(pid, parts.at);
      got = info ? { info, cpuPercent: measureCpu(parts, info) } : null;
      reads.set(pid, got);
    }
    return got;
  };
  const all = (): ProcessInfo[] => {
    if (!everyProcess) {
      everyProcess = [];
      for (const name of readdirSync(kernel.procRoot)) {
        if (!/^\d+$/.test(name)) continue;
        const got = read(Number(name));
        if (got) everyProcess.push(got.info);
      }
    }
    return everyProcess;
  };
  const childrenOf = (info: ProcessInfo): ProcessInfo[] => {
    if (kernel.childrenFiles) {
      return childPidsSync(reader, info.pid, info.threads).flatMap((pid) => read(pid)?.info ?? []);
    }
    childrenIndex ??= indexByParent(all());
    return childrenIndex.get(info.pid) ?? [];
  };

  return {
    at: parts.at,
    cores: parts.cores,
    memTotalBytes: parts.memTotalBytes,
    get: (pid) => read(pid)?.info,
    all,
    descendants: (pid) => descendantsOf(read(pid)?.info, childrenOf),
    cpuPercent: (pid) => read(pid)?.cpuPercent ?? null,
  };
}

function measureCpu(parts: SnapshotParts, info: ProcessInfo): number | null {
  const sample = { cpuTimeMs: info.cpuTimeMs, monotonicMs: performance.now() };
  return parts.baseline.measure(cpuKey(info.pid, info.startTime), sample, info.threads, parts.cores, parts.cycle);
}

function indexByParent(processes: readonly ProcessInfo[]): Map<number, ProcessInfo[]> {
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes) {
    const siblings = children.get(info.ppid);
    if (siblings) siblings.push(info);
    else children.set(info.ppid, [info]);
  }
  return children;
}

function descendantsOf(top: ProcessInfo | undefined, childrenOf: (info: ProcessInfo) => ProcessInfo[]): ProcessInfo[] {
  if (!top) return [];
  const found: ProcessInfo[] = [];
  const seen = new Set<number>([top.pid]);
  const queue = [top];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const child of childrenOf(next)) {
      if (seen.has(child.pid)) continue; // pid 0 is its own parent in some namespaces
      seen.add(child.pid);
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}
