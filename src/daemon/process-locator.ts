// Finding a service's process for an action, with the same PID identity rules as a check.
import { resolveProcess } from '../engine/index.ts';
import type { Observation, ProcessFigures, ProcessSnapshot } from '../model/observation.ts';
import type { ProcessSpec } from '../model/service.ts';
import { IDENTITY_SLACK_MS, type ProcessIdentity } from '../model/state.ts';
import type { DaemonDeps } from './deps.ts';

export type Located = NonNullable<Observation['process']>;

/** A process table with nothing in it: what a snapshot would say about a PID that does not exist. */
const NOTHING: ProcessSnapshot = {
  at: 0, cores: 1, memTotalBytes: 0,
  get: () => undefined, all: () => [], descendants: () => [], cpuPercent: () => null,
};

export async function locateProcess(
  deps: DaemonDeps,
  spec: ProcessSpec,
  identity: ProcessIdentity | null,
): Promise<Located> {
  const table = deps.processTable;
  const pidfile = spec.pidfile === undefined ? undefined : await table.readPidfile(spec.pidfile);
  // No pidfile, or its PID does not exist (not even as a zombie): the answer is "not running" without reading
  // every process of the host. Restarts after a death go through here twice (recovery benchmark).
  const nothing = pidfile !== undefined && (pidfile.pid === null || (table.exists !== undefined && !table.exists(pidfile.pid)));
  const snapshot = nothing ? NOTHING : await table.snapshot({ cycle: false });
  return resolveProcess(spec, pidfile, snapshot, identity, deps.selfPid);
}

/** Polls until the process shows up (start) or until `until` says stop; backoff 100 ms -> 1 s. */
export async function waitForProcess(
  deps: DaemonDeps,
  spec: ProcessSpec,
  deadline: number,
): Promise<ProcessFigures | null> {
  let delay = 100;
  for (;;) {
    const located = await locateProcess(deps, spec, null);
    if (located.found) return located.found;
    const left = deadline - deps.clock.now();
    if (left <= 0) return null;
    await deps.clock.sleep(Math.min(delay, left));
    delay = Math.min(delay * 2, 1000);
  }
}

/** Polls until a pid is gone, or is no longer the process that was started at startTime. */
export async function waitForExit(deps: DaemonDeps, identity: ProcessIdentity, deadline: number): Promise<boolean> {
  let delay = 50;
  for (;;) {
    if (!(await isSameProcess(deps, identity))) return true;
    const left = deadline - deps.clock.now();
    if (left <= 0) return false;
    await deps.clock.sleep(Math.min(delay, left));
    delay = Math.min(delay * 2, 500);
  }
}

/** True while identity.pid is alive, not a zombie and still the process that was started at identity.startTime. */
export async function isSameProcess(deps: DaemonDeps, identity: ProcessIdentity): Promise<boolean> {
  if (!deps.processTable.isAlive(identity.pid)) return false;
  const startTime = await deps.processTable.startTimeOf(identity.pid);
  return startTime !== null && Math.abs(startTime - identity.startTime) <= IDENTITY_SLACK_MS;
}
