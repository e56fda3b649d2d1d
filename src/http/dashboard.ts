// The dashboard (web/): its pages, its files, and the history its charts draw. Registered inside the
// protected context like every other route: the same authentication, read-only rule, CSRF and CSP.
// Pages are web/index.html with escaped values filled in; the page's script reads them from <body data-*>.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MonitorFacade } from '../daemon/facade.ts';
import { TsmonitError } from '../model/errors.ts';
import type { Principal } from './credentials.ts';
import { escapeHtml } from './escape.ts';
import { HttpError } from './errors.ts';
import { homePage, serviceTable } from './home-page.ts';
import type { WebAssets } from './web-assets.ts';

export type PageKind = 'overview' | 'service' | 'events';

export interface PageView {
  page: PageKind;
  service?: string;
  principal: Principal | null;
}

/** Fills {{name}} in the template in one pass: a value can never introduce another placeholder. */
export function renderPage(template: string, monitor: MonitorFacade, view: PageView): string {
  const snapshot = monitor.status();
  const { hostname, version } = snapshot.server;
  const user = view.principal?.user ?? '';
  const readonly = view.principal?.readonly === true;
  const title = view.page === 'service' ? `${view.service ?? ''} – tsmonit on ${hostname}` : view.page === 'events' ? `Events – tsmonit on ${hostname}` : `tsmonit on ${hostname}`;
  const values: Record<string, string> = {
    title: escapeHtml(title),
    page: view.page,
    service: escapeHtml(view.service ?? ''),
    user: escapeHtml(user),
    readonly: String(readonly),
    readonlyText: readonly ? ' (read-only)' : '',
    version: escapeHtml(version),
    host: escapeHtml(hostname),
    noscript: serviceTable(snapshot),
  };
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

function sendPage(reply: FastifyReply, assets: WebAssets, monitor: MonitorFacade, view: PageView, status = 200) {
  const html = assets.template === null ? homePage(monitor.status(), view.principal) : renderPage(assets.template, monitor, view);
  // Pages name the signed-in user: never cached.
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}

function sendAsset(request: FastifyRequest<{ Params: { '*': string } }>, reply: FastifyReply, assets: WebAssets) {
  const asset = assets.files.get(request.params['*']);
  if (!asset) throw new HttpError(404, 'TSM_E_HTTP_NOT_FOUND', 'no such dashboard file');
  // Revalidated on every use (tiny, and an upgrade must show at once); 304 when unchanged.
  reply.header('cache-control', 'no-cache').header('etag', asset.etag).type(asset.type);
  if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  return reply.send(asset.body);
}

export function dashboardRoutes(app: FastifyInstance, monitor: MonitorFacade, assets: WebAssets): void {
  app.get('/', async (request, reply) => sendPage(reply, assets, monitor, { page: 'overview', principal: request.principal }));
  app.get('/events', async (request, reply) => sendPage(reply, assets, monitor, { page: 'events', principal: request.principal }));
  app.get<{ Params: { name: string } }>('/service/:name', async (request, reply) => {
    const name = request.params.name;
    const known = monitor.service(name) !== undefined;
    return sendPage(reply, assets, monitor, { page: 'service', service: name, principal: request.principal }, known ? 200 : 404);
  });
  app.get<{ Params: { '*': string } }>('/assets/*', async (request, reply) => sendAsset(request, reply, assets));

  app.get<{ Params: { name: string } }>('/api/v1/services/:name/history', async (request) => {
    const name = request.params.name;
    const history = monitor.history?.(name);
    if (!history) throw new TsmonitError('TSM_E_UNKNOWN_SERVICE', `there is no service named "${name}"`);
    return history;
  });
}
