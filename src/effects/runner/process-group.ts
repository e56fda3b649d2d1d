// Signals to a whole process group: the runner starts every program as a group leader
// (detached: true = setsid), so -pid reaches the program and everything it forked.

export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  if (!Number.isSafeInteger(pgid) || pgid <= 1) return false; // never -0 or -1
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** True while any member of the group exists (zombies included). */
export function groupExists(pgid: number): boolean {
  return signalGroup(pgid, 0);
}
