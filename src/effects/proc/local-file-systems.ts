// Which directories are on a local file system, by statfs magic. A cycle stats every pidfile: on a local disk
// that is a microsecond synchronously, against a trip through the thread pool (a sixth of tsmonit's idle CPU at
// N=500). On NFS, CIFS, FUSE or anything not known here a stat can hang for as long as the server is away, so
// those, and directories not yet looked at, stay asynchronous. The answer is kept for a while and refreshed in
// the background (a mount can appear over a directory: until the next refresh it is taken as before).
import { statfs } from 'node:fs/promises';

const LOCAL_MAGIC = new Set([
  0xef53, // ext2, ext3, ext4
  0x01021994, // tmpfs
  0x858458f6, // ramfs
  0x58465342, // xfs
  0x9123683e, // btrfs
  0x794c7630, // overlayfs
  0x2fc12fc1, // zfs
  0xf2f52010, // f2fs
  0x3153464a, // jfs
  0x52654973, // reiserfs
  0x73717368, // squashfs
  0x4d44, // vfat
]);

export const LOCALITY_TTL_MS = 60_000;

export class LocalFileSystems {
  private readonly known = new Map<string, { local: boolean; at: number }>();
  private readonly asking = new Set<string>();

  constructor(
    private readonly ttlMs = LOCALITY_TTL_MS,
    private readonly typeOf: (dir: string) => Promise<number> = async (dir) => (await statfs(dir)).type,
  ) {}

  /** true only when `dir` is known to be local; unknown or stale answers are (re)asked in the background. */
  isLocal(dir: string, now: number): boolean {
    const known = this.known.get(dir);
    if (!known || now - known.at >= this.ttlMs) this.ask(dir, now);
    return known?.local === true;
  }

  private ask(dir: string, now: number): void {
    if (this.asking.has(dir)) return;
    this.asking.add(dir);
    this.typeOf(dir).then(
      (type) => this.known.set(dir, { local: LOCAL_MAGIC.has(type), at: now }),
      () => this.known.set(dir, { local: false, at: now }),
    ).finally(() => this.asking.delete(dir));
  }
}
