// GET /api/v1/events/stream: server-sent events. `event` for each new event (id = the event's id, so a
// reconnecting browser resumes with Last-Event-ID), `status` after every cycle with the services checked.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { MonitorFacade } from '../daemon/facade.ts';
import { HttpError } from './errors.ts';
import { safeJson } from './escape.ts';
import { LIMITS } from './limits.ts';
import { firstOf } from './url-encoding.ts';

const HEARTBEAT_MS = 15_000;

export class EventStreams {
  private readonly open = new Set<() => void>();

  constructor(private readonly monitor: MonitorFacade) {}

  /** Ends every open stream (server shutdown). */
  closeAll(): void {
    for (const end of [...this.open]) end();
  }

  serve(request: FastifyRequest, reply: FastifyReply): void {
    if (this.open.size >= LIMITS.streams) throw new HttpError(503, 'TSM_E_HTTP_UNAVAILABLE', 'too many open event streams');
    const since = resumeFrom(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    if (request.method === 'HEAD') {
      res.end();
      return;
    }
    const write = (chunk: string) => {
      if (!res.writableEnded) res.write(chunk);
    };
    write('retry: 3000\n\n');
    if (since !== undefined) {
      for (const e of this.monitor.events({ sinceId: since, limit: 2000 }).reverse()) write(`id: ${e.id}\nevent: event\ndata: ${safeJson(e)}\n\n`);
    }
    const offEvent = this.monitor.onEvent((e) => write(`id: ${e.id}\nevent: event\ndata: ${safeJson(e)}\n\n`));
    const offCycle = this.monitor.onCycle((r) => write(`event: status\ndata: ${safeJson(r)}\n\n`));
    const heartbeat = setInterval(() => write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const end = () => {
      if (!this.open.delete(end)) return;
      offEvent();
      offCycle();
      clearInterval(heartbeat);
      if (!res.writableEnded) res.end();
    };
    this.open.add(end);
    request.raw.once('close', end);
    res.once('close', end);
  }
}

function resumeFrom(request: FastifyRequest): number | undefined {
  const raw = request.headers['last-event-id'] ?? firstOf((request.query as Record<string, unknown>).since);
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new HttpError(400, 'TSM_E_HTTP_BAD_REQUEST', 'since / Last-Event-ID must be an event id');
  return n;
}
