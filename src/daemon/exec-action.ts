// A rule's `exec` action: runs the program with the event in its environment and records the outcome as an event.
import type { PlannedAction } from '../model/evaluation.ts';
import type { ActionHost } from './action-host.ts';
import { quote } from './messages.ts';
import { firstLines, runProgram } from './programs.ts';
import type { ServiceRuntime } from './runtime.ts';

export async function runExec(host: ActionHost, rt: ServiceRuntime, action: PlannedAction): Promise<void> {
  if (!action.command) return;
  const { deps } = host;
  const limits = host.config().limits;
  const name = rt.spec.name;
  const timeoutMs = action.command.timeoutMs ?? limits.execTimeoutMs;
  deps.logger.info(`${quote(name)} exec: '${action.command.text}'`, { service: name });
  const run = await runProgram(deps, action.command, timeoutMs, limits.programOutputBytes, {
    service: name, event: 'rule', description: action.reason, host: host.hostname(), now: deps.clock.now(),
    process: rt.lastObservation?.process?.found ?? null,
  });
  host.emit({
    service: name, kind: 'exec', state: run.ok ? 'info' : 'failed',
    message: run.ok ? `exec '${action.command.text}' done` : `exec '${action.command.text}' failed (${run.message})`,
    action: 'exec', result: run.ok ? 'ok' : run.message, durationMs: run.durationMs,
    ...(action.rule ? { rule: action.rule } : {}), ...(run.output ? { output: firstLines(run.output) } : {}),
  });
}
