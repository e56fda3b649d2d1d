// The outbox on disk: one JSON file per undelivered alert, named by its queue number, written atomically in a
// directory only the owner can read (mails and webhook URLs may be private). Delivered alerts are deleted.
import { mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger, OutgoingAlert } from '../../model/ports.ts';
import { writeFileAtomic } from '../atomic-write.ts';

export interface StoredAlert {
  seq: number;
  alert: OutgoingAlert;
}

const FILE = /^(\d{12})\.json$/;
const fileOf = (seq: number): string => `${String(seq).padStart(12, '0')}.json`;

function isAlert(v: unknown): v is OutgoingAlert {
  if (typeof v !== 'object' || v === null) return false;
  const a = v as Partial<OutgoingAlert>;
  return typeof a.id === 'string' && typeof a.destination === 'string' && typeof a.created === 'number'
    && typeof a.delivery === 'object' && a.delivery !== null && (a.delivery.channel === 'mail' || a.delivery.channel === 'webhook');
}

export class OutboxStore {
  private made = false;

  constructor(readonly dir: string, private readonly logger: Logger) {}

  /** Everything a previous run left, oldest first. A file that cannot be read is set aside as `.bad`, not lost. */
  async load(): Promise<StoredAlert[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    const out: StoredAlert[] = [];
    for (const name of names.sort()) {
      const m = FILE.exec(name);
      if (!m) continue;
      const path = join(this.dir, name);
      try {
        const alert: unknown = JSON.parse(await readFile(path, 'utf8'));
        if (!isAlert(alert)) throw new Error('not an alert');
        out.push({ seq: Number(m[1]), alert });
      } catch (err) {
        this.logger.error(`outbox: ${path} is unreadable (${err instanceof Error ? err.message : String(err)}); set aside as .bad`);
        await rename(path, `${path}.bad`).catch(() => undefined);
      }
    }
    return out;
  }

  async save(item: StoredAlert): Promise<void> {
    if (!this.made) {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      this.made = true;
    }
    await writeFileAtomic(join(this.dir, fileOf(item.seq)), JSON.stringify(item.alert), 0o600);
  }

  async remove(seq: number): Promise<void> {
    await unlink(join(this.dir, fileOf(seq))).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }
}
