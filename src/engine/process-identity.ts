// Which process is the service: a pidfile checked against the process table, or a `matching` regex.
import type { Observation, PidfileRead, ProcessInfo, ProcessSnapshot } from '../model/observation.ts';
import type { ProcessSpec } from '../model/service.ts';
import { IDENTITY_SLACK_MS, type ProcessIdentity } from '../model/state.ts';
import { processFigures } from './process-figures.ts';
import { selectMatching } from './process-matching.ts';

type ProcessPart = NonNullable<Observation['process']>;

/** Start times come from clock ticks since boot; the same process can read a few ms apart. */
const START_TIME_SLACK_MS = IDENTITY_SLACK_MS;
/** A process may write its pidfile just before the start time read from /proc rounds up. */
const PIDFILE_SLACK_MS = 1000;

function missing(detail: string, zombie = false): ProcessPart {
  return zombie ? { found: null, detail, zombie: true } : { found: null, detail };
}

function pidfileProblem(path: string, read: PidfileRead | undefined): string | null {
  if (!read) return `pidfile ${path} was not read`;
  if (read.error === 'missing') return `pidfile ${path} does not exist`;
  if (read.error) return `pidfile ${path} cannot be used (${read.error})`;
  if (read.pid === null) return `pidfile ${path} holds no pid`;
  return null;
}

/** Same pid as before: must be the same process. First sight: must not have started after the pidfile was written. */
function identityProblem(info: ProcessInfo, read: PidfileRead, previous: ProcessIdentity | null): string | null {
  if (previous && previous.pid === info.pid) {
    return Math.abs(previous.startTime - info.startTime) > START_TIME_SLACK_MS
      ? `pid ${info.pid} was reused by another process`
      : null;
  }
  if (read.mtimeMs !== null && info.startTime > read.mtimeMs + PIDFILE_SLACK_MS) {
    return `pid ${info.pid} started after the pidfile was written (stale pidfile)`;
  }
  return null;
}

function byPidfile(path: string, read: PidfileRead | undefined, snapshot: ProcessSnapshot, previous: ProcessIdentity | null): ProcessPart {
  const problem = pidfileProblem(path, read);
  if (problem || !read || read.pid === null) return missing(problem ?? `pidfile ${path} holds no pid`);
  const info = snapshot.get(read.pid);
  if (!info) return missing(`pid ${read.pid} from pidfile ${path} is not running`);
  if (info.state === 'Z') return missing(`pid ${info.pid} is a zombie`, true);
  const wrong = identityProblem(info, read, previous);
  if (wrong) return missing(wrong);
  return { found: processFigures(info, snapshot), detail: `pidfile ${path} names pid ${info.pid}` };
}

function byMatching(pattern: string, snapshot: ProcessSnapshot, selfPid: number): ProcessPart {
  let regex: RegExp;
  try {
    regex = new RegExp(pattern);
  } catch (e) {
    return missing(`matching regex does not compile: ${(e as Error).message}`);
  }
  const { chosen, matches } = selectMatching(regex, snapshot.all(), selfPid);
  if (!chosen) {
    const zombie = matches.find((p) => p.state === 'Z');
    return zombie ? missing(`pid ${zombie.pid} is a zombie`, true) : missing(`no process matches /${pattern}/`);
  }
  const among = matches.length > 1 ? ` (the longest running of ${matches.length} matches)` : '';
  return { found: processFigures(chosen, snapshot), detail: `pid ${chosen.pid} matches /${pattern}/${among}` };
}

export function resolveProcess(
  spec: ProcessSpec,
  pidfile: PidfileRead | undefined,
  snapshot: ProcessSnapshot,
  previous: ProcessIdentity | null,
  selfPid: number,
): ProcessPart {
  if (spec.pidfile !== undefined) return byPidfile(spec.pidfile, pidfile, snapshot, previous);
  if (spec.matching !== undefined) return byMatching(spec.matching, snapshot, selfPid);
  return missing('no pidfile or matching pattern is configured');
}
