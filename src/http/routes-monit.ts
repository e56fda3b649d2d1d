// monit's own paths, so tools written for monit keep working: /_status (text or xml), /_summary,
// /_report, /_ping and POST /_doaction. Parameters come from the query or (monit's CLI posts) a form.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { MonitorFacade, ServiceStatus, StatusSnapshot } from '../daemon/facade.ts';
import type { HttpdConfig } from '../model/config.ts';
import { TsmonitError } from '../model/errors.ts';
import { localPlatform, statusXml } from './monit-xml.ts';
import { PageCache } from './page-cache.ts';
import { REPORT_TYPES, reportText, statusText, summaryText } from '../render/monit-text.ts';
import { actionOf, badRequest, body, groupOf, query, servicesOf } from './request-values.ts';
import { firstOf } from './url-encoding.ts';

const TEXT = 'text/plain; charset=utf-8';
const XML = 'text/xml; charset=utf-8';

function params(request: FastifyRequest): Record<string, unknown> {
  return request.method === 'POST' ? { ...query(request), ...body(request) } : query(request);
}

/** Whether `service=` or `group=` narrows the snapshot. */
function narrowed(p: Record<string, unknown>): boolean {
  const service = firstOf(p.service);
  const group = firstOf(p.group);
  return (service !== undefined && service !== '') || (group !== undefined && group !== '');
}

/** The snapshot narrowed to `service=` or `group=`; 404 when that names nothing. */
function selected(monitor: MonitorFacade, p: Record<string, unknown>): StatusSnapshot {
  const snapshot = monitor.status();
  if (!narrowed(p)) return snapshot;
  const service = firstOf(p.service);
  const group = firstOf(p.group);
  let services: ServiceStatus[] = snapshot.services;
  if (service !== undefined && service !== '') {
    services = services.filter((s) => s.name === service);
    if (services.length === 0) throw new TsmonitError('TSM_E_UNKNOWN_SERVICE', `there is no service named "${service}"`);
  }
  if (group !== undefined && group !== '') {
    services = services.filter((s) => s.groups.includes(group));
    if (services.length === 0) throw new TsmonitError('TSM_E_UNKNOWN_GROUP', `there is no group named "${group}"`);
  }
  return { ...snapshot, services };
}

export function monitRoutes(app: FastifyInstance, deps: { monitor: MonitorFacade; httpd: HttpdConfig | undefined }): void {
  const { monitor } = deps;
  const platform = localPlatform();
  // The whole page, unnarrowed, is what monitoring scripts and exporters poll: written once per change.
  const fullXml = new PageCache((snapshot) => statusXml(snapshot, platform, deps.httpd));
  const readRoute = (url: string, handler: (request: FastifyRequest) => { type: string; body: string | Buffer }) => {
    app.route({
      method: ['GET', 'POST'], url,
      handler: async (request, reply) => {
        const out = handler(request);
        return reply.type(out.type).send(out.body);
      },
    });
  };

  readRoute('/_status', (request) => {
    const p = params(request);
    const format = firstOf(p.format) ?? 'text';
    const snapshot = selected(monitor, p);
    if (format.startsWith('xml')) {
      return { type: XML, body: narrowed(p) ? statusXml(snapshot, platform, deps.httpd) : fullXml.page(snapshot) };
    }
    if (format !== 'text') throw badRequest('format must be text or xml');
    return { type: TEXT, body: statusText(snapshot) };
  });
  readRoute('/_summary', (request) => ({ type: TEXT, body: summaryText(selected(monitor, params(request))) }));
  readRoute('/_report', (request) => {
    const p = params(request);
    const raw = firstOf(p.type);
    const type = raw === undefined || raw === '' ? undefined : REPORT_TYPES[raw];
    if (raw !== undefined && raw !== '' && type === undefined) throw badRequest('type must be up, down, initializing, unmonitored or total');
    return { type: TEXT, body: reportText(selected(monitor, { group: p.group }).services, type) };
  });
  app.get('/_ping', async (_request, reply) => reply.type(TEXT).send('pong'));

  app.post('/_doaction', async (request) => {
    const b = body(request);
    const services = servicesOf(b);
    const group = groupOf(b);
    if (services === undefined && group === undefined) throw badRequest('name a service (service=) or a group (group=)');
    const results = await monitor.act({
      action: actionOf(b),
      ...(group !== undefined ? { group } : { services: services! }),
      ...(request.principal ? { user: request.principal.user } : {}),
    });
    return { results };
  });
}
