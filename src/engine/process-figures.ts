// A process's figures for one check, from one process-table snapshot.
import type { ProcessFigures, ProcessInfo, ProcessSnapshot } from '../model/observation.ts';

function percentOf(bytes: number, total: number): number {
  return total > 0 ? (bytes / total) * 100 : 0;
}

/** Children count every descendant; totals add the descendants' memory and CPU (CPU capped at 100%). */
export function processFigures(info: ProcessInfo, snapshot: ProcessSnapshot): ProcessFigures {
  const descendants = snapshot.descendants(info.pid);
  const memoryTotalBytes = descendants.reduce((sum, p) => sum + p.rssBytes, info.rssBytes);
  const cpuPercent = snapshot.cpuPercent(info.pid);
  const cpuTotalPercent =
    cpuPercent === null ? null : Math.min(100, descendants.reduce((sum, p) => sum + (snapshot.cpuPercent(p.pid) ?? 0), cpuPercent));
  return {
    pid: info.pid,
    ppid: info.ppid,
    startTime: info.startTime,
    uptimeS: Math.max(0, Math.floor((snapshot.at - info.startTime) / 1000)),
    uid: info.uid,
    euid: info.euid,
    gid: info.gid,
    threads: info.threads,
    children: descendants.length,
    cpuPercent,
    cpuTotalPercent,
    memoryBytes: info.rssBytes,
    memoryPercent: percentOf(info.rssBytes, snapshot.memTotalBytes),
    memoryTotalBytes,
    memoryTotalPercent: percentOf(memoryTotalBytes, snapshot.memTotalBytes),
    cmdline: info.cmdline,
  };
}
