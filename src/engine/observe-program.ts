// Rules of program and network checks against their observation.
import type { Observation } from '../model/observation.ts';
import type { Rule } from '../model/rule.ts';
import { changedProgramContentOutcome, programContentOutcome } from './content-tests.ts';
import { changedLinkOutcome, linkOutcome, saturationOutcome, trafficOutcome } from './network-tests.ts';
import { skip, type Outcome } from './outcome.ts';
import { changedStatusOutcome, statusOutcome } from './program-tests.ts';

export function programOutcome(rule: Rule, obs: Observation): Outcome {
  const p = obs.program;
  if (!p) return skip();
  const t = rule.test;
  switch (t.kind) {
    case 'status':
      return statusOutcome(t, p);
    case 'content':
      return programContentOutcome(t, p);
    case 'changed':
      if (t.target === 'status') return changedStatusOutcome(p);
      if (t.target === 'content') return changedProgramContentOutcome(p);
      return skip(`changed ${t.target} is not measured for a program check`);
    default:
      return skip(`${t.kind} is not measured for a program check`);
  }
}

export function networkOutcome(rule: Rule, obs: Observation): Outcome {
  const net = obs.network;
  if (!net) return skip();
  const t = rule.test;
  switch (t.kind) {
    case 'link':
      return linkOutcome(t.state, net);
    case 'saturation':
      return saturationOutcome(t, net);
    case 'traffic':
      return trafficOutcome(t, net);
    case 'changed':
      return t.target === 'link' ? changedLinkOutcome(net) : skip(`changed ${t.target} is not measured for a network check`);
    default:
      return skip(`${t.kind} is not measured for a network check`);
  }
}
