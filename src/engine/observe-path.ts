// Rules of file, directory, fifo and filesystem checks against their observation.
import type { Observation } from '../model/observation.ts';
import type { Rule } from '../model/rule.ts';
import type { ServiceSpec } from '../model/service.ts';
import { changedChecksumOutcome, checksumOutcome } from './checksum-tests.ts';
import { fileContentOutcome } from './content-tests.ts';
import { changedFsflagsOutcome, inodeOutcome, spaceOutcome } from './filesystem-tests.ts';
import { skip, type Outcome } from './outcome.ts';
import {
  changedPermissionOutcome, changedSizeOutcome, changedTimestampOutcome, pathIdentityOutcome, pathNonexistOutcome,
  permissionOutcome, sizeOutcome, timestampOutcome,
} from './path-tests.ts';

function existence(spec: ServiceSpec, obs: Observation): Outcome {
  if (spec.type === 'filesystem') {
    const fs = obs.filesystem;
    if (!fs) return skip();
    return fs.found
      ? { kind: 'result', failed: false, message: `filesystem ${fs.found.mountPoint} is mounted (${fs.found.source})` }
      : { kind: 'result', failed: true, message: `filesystem ${fs.path} is not available (${fs.detail})` };
  }
  return obs.path ? pathNonexistOutcome(spec.type, obs.path) : skip();
}

function inverted(outcome: Outcome): Outcome {
  return outcome.kind === 'result' ? { ...outcome, failed: !outcome.failed } : outcome;
}

/** Filesystem figures: space, inodes, flags. */
function filesystemOutcome(rule: Rule, obs: Observation): Outcome | undefined {
  const t = rule.test;
  const found = obs.filesystem?.found;
  if (t.kind === 'space') return found ? spaceOutcome(t, found) : skip();
  if (t.kind === 'inode') return found ? inodeOutcome(t, found) : skip();
  if (t.kind === 'changed' && t.target === 'fsflags') return found ? changedFsflagsOutcome(found) : skip();
  return undefined;
}

export function pathOutcome(spec: ServiceSpec, rule: Rule, obs: Observation, reference: string | number | null | undefined): Outcome {
  const t = rule.test;
  if (t.kind === 'nonexist') return existence(spec, obs);
  if (t.kind === 'exist') return inverted(existence(spec, obs));
  const fsOutcome = filesystemOutcome(rule, obs);
  if (fsOutcome) return fsOutcome;
  const path = obs.path;
  const stat = path?.stat;
  if (!path || !stat) return skip(path ? `${path.path} does not exist` : undefined);
  switch (t.kind) {
    case 'timestamp':
      return timestampOutcome(t, path, stat, obs.at);
    case 'size':
      return sizeOutcome(t, path, stat);
    case 'permission':
      return permissionOutcome(t, path, stat);
    case 'identity':
      return pathIdentityOutcome(t, path, stat);
    case 'checksum':
      return checksumOutcome(t, path, reference);
    case 'content':
      return fileContentOutcome(t, path.path, path.content, spec.ignoreContent);
    case 'changed':
      switch (t.target) {
        case 'size':
          return changedSizeOutcome(path, stat);
        case 'timestamp':
          return changedTimestampOutcome(t.field ?? 'any', path, stat);
        case 'permission':
          return changedPermissionOutcome(path, stat);
        case 'checksum':
          return changedChecksumOutcome(spec.rules, path);
        default:
          return skip(`changed ${t.target} is not measured for a ${spec.type} check`);
      }
    default:
      return skip(`${t.kind} is not measured for a ${spec.type} check`);
  }
}
