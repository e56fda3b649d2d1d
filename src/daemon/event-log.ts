// The event log: a bounded ring, ids increasing, listeners for the live stream.
import type { EventDraft, TsmEvent } from '../model/event.ts';
import type { EventQuery } from './facade.ts';

export class EventLog {
  private readonly events: TsmEvent[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(e: TsmEvent) => void>();

  constructor(private readonly capacity = 2000) {}

  record(draft: EventDraft, now: number): TsmEvent {
    const event: TsmEvent = { id: this.nextId++, time: new Date(now).toISOString(), ...draft };
    this.events.push(event);
    if (this.events.length > this.capacity) this.events.shift();
    for (const listener of this.listeners) listener(event);
    return event;
  }

  query(q: EventQuery = {}): TsmEvent[] {
    const limit = Math.max(1, Math.min(q.limit ?? 100, this.capacity));
    const out: TsmEvent[] = [];
    for (let i = this.events.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.events[i]!;
      if (q.sinceId !== undefined && e.id <= q.sinceId) break;
      if (q.service !== undefined && e.service !== q.service) continue;
      if (q.kind !== undefined && e.kind !== q.kind) continue;
      out.push(e);
    }
    return out;
  }

  subscribe(listener: (e: TsmEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
