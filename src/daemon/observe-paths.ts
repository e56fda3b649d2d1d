// What a file, directory, fifo or filesystem check measures: the path (digests and new content lines when its
// rules need them), and for a filesystem its statfs figures.
import { checksumsNeeded } from '../engine/index.ts';
import type { Limits } from '../model/config.ts';
import type { ContentCursor, Observation } from '../model/observation.ts';
import type { PathInspection } from '../model/ports.ts';
import type { PathSpec } from '../model/service.ts';
import type { DaemonDeps } from './deps.ts';

export interface PathInput {
  spec: PathSpec;
  limits: Limits;
  contentCursor: ContentCursor | null;
  /** Between cycles only existence counts: no digests, no content (its lines belong to the cycle). */
  outOfCycle: boolean;
}

function wantsContent(spec: PathSpec): boolean {
  return spec.type === 'file' && spec.rules.some((r) => r.test.kind === 'content');
}

export async function observePath(deps: DaemonDeps, input: PathInput, observation: Observation): Promise<void> {
  const { spec } = input;
  if (spec.type === 'filesystem') {
    const fs = await deps.filesystems.stat(spec.path);
    observation.filesystem = fs;
    // Permission, uid and gid of a filesystem are its mount point's.
    observation.path = await deps.files.inspect({ path: fs.found?.mountPoint ?? spec.path, checksums: [] });
    return;
  }
  const request: PathInspection = { path: spec.path, checksums: input.outOfCycle ? [] : checksumsNeeded(spec.rules) };
  if (!input.outOfCycle && wantsContent(spec)) {
    request.content = { cursor: input.contentCursor, lineLimitBytes: input.limits.fileContentBufferBytes };
  }
  observation.path = await deps.files.inspect(request);
}
