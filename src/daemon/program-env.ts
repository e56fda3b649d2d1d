// The environment a start/stop/exec program gets: monit's MONIT_* names, and the same with TSMONIT_*.
import type { ProcessFigures } from '../model/observation.ts';

export interface ProgramContext {
  service: string;
  event: string;
  description: string;
  host: string;
  now: number;
  process?: ProcessFigures | null;
}

export function programEnvironment(ctx: ProgramContext): Record<string, string> {
  const vars: Record<string, string> = {
    SERVICE: ctx.service,
    EVENT: ctx.event,
    DESCRIPTION: ctx.description,
    DATE: new Date(ctx.now).toUTCString(),
    HOST: ctx.host,
  };
  const p = ctx.process;
  if (p) {
    vars.PROCESS_PID = String(p.pid);
    vars.PROCESS_MEMORY = String(Math.round(p.memoryBytes / 1024));
    vars.PROCESS_CHILDREN = String(p.children);
    vars.PROCESS_CPU_PERCENT = p.cpuPercent === null ? '0' : p.cpuPercent.toFixed(1);
  }
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) {
    env[`MONIT_${k}`] = v;
    env[`TSMONIT_${k}`] = v;
  }
  return env;
}
