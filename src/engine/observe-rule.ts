// One rule against one observation: which part of the observation the test reads, and its verdict.
import type { Observation } from '../model/observation.ts';
import type { Rule, Test } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';
import { connectionOutcome } from './connection-tests.ts';
import { pathOutcome } from './observe-path.ts';
import { networkOutcome, programOutcome } from './observe-program.ts';
import { skip, type Outcome } from './outcome.ts';
import { changedProcessOutcome, existOutcome, identityOutcome, nonexistOutcome, uptimeOutcome } from './process-tests.ts';
import { resourceOutcome } from './resource-tests.ts';

/** Tests whose kind already says which way they fail, so polarity does not invert them again. */
function polarityIsBuiltIn(test: Test): boolean {
  return test.kind === 'nonexist' || test.kind === 'exist' || test.kind === 'link';
}

/** In a process check these read the process; while it is missing they are skipped (monit does not test them). */
function needsProcess(test: Test): boolean {
  switch (test.kind) {
    case 'resource':
      return !test.resource.startsWith('loadavg');
    case 'uptime':
    case 'identity':
    case 'connection':
      return true;
    case 'changed':
      return test.target === 'pid' || test.target === 'ppid';
    default:
      return false;
  }
}

/** A rule's reference value from earlier checks (a checksum's first digest), when it keeps one. */
type Reference = string | number | null | undefined;

function outcomeOf(spec: ServiceSpec, rule: Rule, obs: Observation, reference: Reference): Outcome {
  switch (spec.type) {
    case 'file':
    case 'directory':
    case 'fifo':
    case 'filesystem':
      return pathOutcome(spec, rule, obs, reference);
    case 'program':
      return programOutcome(rule, obs);
    case 'network':
      return networkOutcome(rule, obs);
    default:
      return processOrHostOutcome(spec, rule, obs);
  }
}

function processOrHostOutcome(spec: ServiceSpec, rule: Rule, obs: Observation): Outcome {
  const test = rule.test;
  const proc = obs.process;
  if (spec.type === 'process' && needsProcess(test) && !proc?.found) {
    return skip(proc ? 'process is not running' : undefined);
  }
  switch (test.kind) {
    case 'nonexist':
      return proc ? nonexistOutcome(proc) : skip();
    case 'exist':
      return proc ? existOutcome(proc) : skip();
    case 'changed':
      if (proc?.found && (test.target === 'pid' || test.target === 'ppid')) return changedProcessOutcome(test.target, proc.found);
      return skip(`changed ${test.target} is not measured for this check`);
    case 'resource':
      return resourceOutcome(spec.type, test, obs);
    case 'uptime':
      if (proc?.found) return uptimeOutcome(test, proc.found.uptimeS);
      return obs.system ? uptimeOutcome(test, obs.system.uptimeS) : skip();
    case 'identity':
      return proc?.found ? identityOutcome(test, proc.found) : skip();
    case 'connection':
      return connectionOutcome(spec, test, obs.probes[rule.id]);
    default:
      return skip(`${test.kind} is not measured for a ${spec.type} check`);
  }
}

/** The outcome with the rule's polarity applied: `failed` now means "the rule sees a failure". */
export function observeRule(spec: ServiceSpec, rule: Rule, obs: Observation, reference?: Reference): Outcome {
  const outcome = outcomeOf(spec, rule, obs, reference);
  if (outcome.kind !== 'result' || rule.polarity === 'failed' || polarityIsBuiltIn(rule.test)) return outcome;
  return { ...outcome, failed: !outcome.failed };
}
