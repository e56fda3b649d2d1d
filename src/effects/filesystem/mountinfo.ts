// /proc/self/mountinfo: which filesystem is mounted where, with which options (proc(5)).

export interface MountEntry {
  mountPoint: string;
  /** "major:minor" of the device. */
  device: string;
  /** Per-mount options: rw/ro, nosuid, nodev, noexec, relatime... */
  options: string;
  fsType: string;
  source: string;
  superOptions: string;
}

/** Paths in mountinfo escape space, tab, newline and backslash as octal (\040). */
function unescape(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

export function parseMountinfo(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const dash = fields.indexOf('-');
    if (dash < 6 || fields.length < dash + 3) continue;
    out.push({
      device: fields[2]!,
      mountPoint: unescape(fields[4]!),
      options: fields[5]!,
      fsType: fields[dash + 1]!,
      source: unescape(fields[dash + 2]!),
      superOptions: fields[dash + 3] ?? '',
    });
  }
  return out;
}

function contains(mountPoint: string, path: string): boolean {
  return mountPoint === '/' || path === mountPoint || path.startsWith(`${mountPoint}/`);
}

/**
 * The mount that holds a path: the longest mount point containing it; of several mounts on one point, the last
 * (it hides the others).
 */
export function mountHolding(entries: readonly MountEntry[], path: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const e of entries) {
    if (!contains(e.mountPoint, path)) continue;
    if (!best || e.mountPoint.length >= best.mountPoint.length) best = e;
  }
  return best;
}

/** The mount of a device (by its path as mounted, or its major:minor), or of a source string (nfs "host:/x"). */
export function mountOfSource(entries: readonly MountEntry[], source: string, device?: string): MountEntry | undefined {
  return entries.find((e) => e.source === source || (device !== undefined && e.device === device));
}
