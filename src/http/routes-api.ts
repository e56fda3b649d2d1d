// The JSON API under /api/v1 (interfaces.md): services, actions, daemon control, the event log.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ActionOutcome, ActionRequest, MonitorFacade, ServiceStatus, StatusSnapshot } from '../daemon/facade.ts';
import { EVENT_KINDS } from '../model/event.ts';
import { TsmonitError } from '../model/errors.ts';
import { safeJson } from './escape.ts';
import type { EventStreams } from './event-stream.ts';
import { PageCache } from './page-cache.ts';
import { actionOf, badRequest, body, groupOf, intParam, query, servicesOf, waitMs } from './request-values.ts';
import { firstOf } from './url-encoding.ts';

export interface ApiDeps {
  monitor: MonitorFacade;
  streams: EventStreams;
  /** Called once the answer to POST /api/v1/daemon/quit is sent. */
  onQuit: () => void;
}

async function act(monitor: MonitorFacade, request: FastifyRequest, reply: FastifyReply, target: Pick<ActionRequest, 'services' | 'group'>) {
  const wait = waitMs(request);
  const results: ActionOutcome[] = await monitor.act({
    action: actionOf(body(request)),
    ...target,
    ...(request.principal ? { user: request.principal.user } : {}),
    ...(wait !== undefined ? { waitMs: wait } : {}),
  });
  return reply.code(wait === undefined ? 202 : 200).send({ results });
}

const JSON_TYPE = 'application/json; charset=utf-8';

// A service's status object is shared and frozen until the service changes (daemon/status.ts): its JSON is
// written once per change, not once per request (the benchmark's profile of /api/v1/services).
const written = new WeakMap<ServiceStatus, string>();

function serviceJson(s: ServiceStatus): string {
  let json = written.get(s);
  if (json === undefined) {
    json = safeJson(s);
    if (Object.isFrozen(s)) written.set(s, json);
  }
  return json;
}

/** The same text as safeJson(snapshot), key for key. */
function snapshotJson(snapshot: StatusSnapshot): string {
  return `{"server":${safeJson(snapshot.server)},"services":[${snapshot.services.map(serviceJson).join(',')}]}`;
}

export function apiRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { monitor } = deps;
  const services = new PageCache(snapshotJson);

  app.get('/api/v1/services', async (_request, reply) => reply.type(JSON_TYPE).send(services.page(monitor.status())));

  app.get<{ Params: { name: string } }>('/api/v1/services/:name', async (request) => {
    const detail = monitor.service(request.params.name);
    if (!detail) throw new TsmonitError('TSM_E_UNKNOWN_SERVICE', `there is no service named "${request.params.name}"`);
    return detail;
  });

  app.post<{ Params: { name: string } }>('/api/v1/services/:name/actions', async (request, reply) =>
    act(monitor, request, reply, { services: [request.params.name] }));

  app.post('/api/v1/actions', async (request, reply) => {
    const b = body(request);
    const services = servicesOf(b);
    const group = groupOf(b);
    if ((services === undefined) === (group === undefined)) throw badRequest('name either "services" or "group"');
    return act(monitor, request, reply, services ? { services } : { group: group! });
  });

  app.post('/api/v1/daemon/reload', async () => monitor.reload());
  app.post('/api/v1/daemon/validate', async () => monitor.validate());
  app.post('/api/v1/daemon/quit', { onResponse: async () => deps.onQuit() }, async (_request, reply) =>
    reply.code(202).send({ ok: true, message: 'tsmonit is stopping' }));

  app.get('/api/v1/events', async (request) => {
    const q = query(request);
    const kind = firstOf(q.kind);
    if (kind !== undefined && !(EVENT_KINDS as readonly string[]).includes(kind)) throw badRequest(`kind must be one of ${EVENT_KINDS.join(', ')}`);
    const service = firstOf(q.service);
    const limit = intParam(q, 'limit', 1, 2000);
    const sinceId = intParam(q, 'since', 0, Number.MAX_SAFE_INTEGER);
    return {
      events: monitor.events({
        ...(service !== undefined ? { service } : {}), ...(kind !== undefined ? { kind } : {}),
        ...(limit !== undefined ? { limit } : {}), ...(sinceId !== undefined ? { sinceId } : {}),
      }),
    };
  });

  app.get('/api/v1/events/stream', (request, reply) => deps.streams.serve(request, reply));
}
