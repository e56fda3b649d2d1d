// `check program`: run it now, within its timeout, and hand its result to this same check (monit hands it to the
// next cycle). The daemon never checks a service twice at once, so a run still going is not started again.
import type { Limits } from '../model/config.ts';
import type { ProgramObservation } from '../model/observation.ts';
import type { ProgramSpec } from '../model/service.ts';
import type { DaemonDeps } from './deps.ts';
import { runProgram } from './programs.ts';

export async function runCheckProgram(deps: DaemonDeps, spec: ProgramSpec, limits: Limits, signal?: AbortSignal): Promise<ProgramObservation> {
  const startedAt = deps.clock.now();
  const timeoutMs = spec.program.timeoutMs ?? limits.programTimeoutMs;
  const run = await runProgram(deps, spec.program, timeoutMs, limits.programOutputBytes, {
    service: spec.name,
    event: 'check',
    description: `check program '${spec.program.text}'`,
    host: deps.systemSampler.hostname(),
    now: startedAt,
  }, undefined, signal);
  const r = run.result;
  const observation: ProgramObservation = {
    startedAt,
    durationMs: r.durationMs,
    exitCode: r.timedOut ? null : r.exitCode,
    signal: r.signal,
    timedOut: r.timedOut,
    output: r.output,
  };
  if (r.error !== undefined) observation.error = r.error;
  return observation;
}
