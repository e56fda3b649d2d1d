// `matching "regex"`: which process a check means (and what `tsmonit procmatch` shows).
import type { ProcessInfo } from '../model/observation.ts';

/** selfPid and everything above it: tsmonit and whatever started it (`sh -c "tsmonit procmatch nginx"`). */
function selfAndAncestors(byPid: Map<number, ProcessInfo>, selfPid: number): Set<number> {
  const out = new Set<number>([selfPid]);
  let p = byPid.get(selfPid);
  while (p && p.ppid > 0 && !out.has(p.ppid)) {
    out.add(p.ppid);
    p = byPid.get(p.ppid);
  }
  return out;
}

/** Among matches whose parent does not match, the longest running (earliest start, then lowest pid); no zombie. */
export function selectMatching(
  regex: RegExp,
  processes: readonly ProcessInfo[],
  selfPid: number,
): { chosen: ProcessInfo | null; matches: ProcessInfo[] } {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const excluded = selfAndAncestors(byPid, selfPid);
  // search() ignores the g/y flags' lastIndex, so one RegExp can be reused safely.
  const matches = processes.filter((p) => !excluded.has(p.pid) && p.cmdline.search(regex) !== -1);
  const matched = new Set(matches.map((p) => p.pid));
  const candidates = matches.filter((p) => !matched.has(p.ppid) && p.state !== 'Z');
  candidates.sort((a, b) => a.startTime - b.startTime || a.pid - b.pid);
  return { chosen: candidates[0] ?? null, matches };
}
