// The whole text of a status page (JSON API, monit XML) kept as one Buffer while the snapshot it was written
// from is unchanged: same server figures and, one by one, the same frozen service statuses
// (daemon/status.ts shares a service's status until it changes). The HTTP benchmark's profile: joining
// 200 cached pieces into a 110 KB string, measuring and encoding it per request was a third of the
// request's CPU (and most of the garbage). A snapshot with a mutable status is never cached.
import type { ServerStatus, ServiceStatus, StatusSnapshot } from '../daemon/facade.ts';

function sameServer(a: ServerStatus, b: ServerStatus): boolean {
  const keys = Object.keys(a) as Array<keyof ServerStatus>;
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (a[k] !== b[k]) return false;
  return true;
}

function sameServices(cached: readonly ServiceStatus[], now: readonly ServiceStatus[]): boolean {
  if (cached.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) if (cached[i] !== now[i]) return false;
  return true;
}

function allFrozen(services: readonly ServiceStatus[]): boolean {
  for (const s of services) if (!Object.isFrozen(s)) return false;
  return true;
}

export class PageCache {
  private server: ServerStatus | null = null;
  private services: readonly ServiceStatus[] = [];
  private body: Buffer | null = null;
  private builds = 0;

  constructor(private readonly write: (snapshot: StatusSnapshot) => string) {}

  /** The page for this snapshot: the kept Buffer when the snapshot is the one it was written from. */
  page(snapshot: StatusSnapshot): Buffer {
    if (this.body !== null && this.server !== null && sameServer(this.server, snapshot.server) && sameServices(this.services, snapshot.services)) {
      return this.body;
    }
    const body = Buffer.from(this.write(snapshot), 'utf8');
    this.builds += 1;
    if (allFrozen(snapshot.services)) {
      this.server = { ...snapshot.server };
      this.services = [...snapshot.services];
      this.body = body;
    } else {
      this.body = null;
    }
    return body;
  }

  /** How many times the page was written (tests: a cache that never hits, or never misses, is a bug). */
  get writes(): number {
    return this.builds;
  }
}
