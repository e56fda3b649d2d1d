// Which uid/gid a program runs as. Switching needs root; naming the current user is allowed without.
import type { Command } from '../../model/rule.ts';
import { resolveGroup, resolveUser, type UserFiles } from './users.ts';

export type RunIdentity = { uid?: number; gid?: number; home?: string } | { error: string };

export async function resolveIdentity(command: Command, isRoot: boolean, files?: UserFiles): Promise<RunIdentity> {
  if (command.uid === undefined && command.gid === undefined) return {};
  const user = command.uid === undefined ? null : await resolveUser(command.uid, files);
  if (command.uid !== undefined && !user) return { error: `unknown user '${command.uid}'` };
  const group = command.gid === undefined ? null : await resolveGroup(command.gid, files);
  if (command.gid !== undefined && !group) return { error: `unknown group '${command.gid}'` };

  const currentUid = process.getuid?.() ?? -1;
  const currentGid = process.getgid?.() ?? -1;
  const uid = user?.uid ?? currentUid;
  // The user's primary group unless a gid is named, as monit does.
  const gid = group?.gid ?? user?.gid ?? currentGid;
  if (isRoot) return { uid, gid, home: user?.home };
  if (uid === currentUid && gid === currentGid) return {};
  const who = command.uid !== undefined ? `as uid ${command.uid}` : `as gid ${command.gid}`;
  return { error: `${who} requires root (tsmonit runs as uid ${currentUid})` };
}
