// Every route of the server with a request that succeeds for a read-write user, and its status.
import type { InjectOptions } from 'fastify';

export interface Route {
  method: 'GET' | 'POST';
  url: string;
  payload?: InjectOptions['payload'];
  headers?: Record<string, string>;
  ok: number;
}

const form = { 'content-type': 'application/x-www-form-urlencoded' };
export const ROUTES: Route[] = [
  { method: 'GET', url: '/', ok: 200 },
  { method: 'GET', url: '/api/v1/services', ok: 200 },
  { method: 'GET', url: '/api/v1/services/web', ok: 200 },
  { method: 'GET', url: '/api/v1/events?limit=5', ok: 200 },
  { method: 'GET', url: '/metrics', ok: 200 },
  { method: 'GET', url: '/_status', ok: 200 },
  { method: 'GET', url: '/_status?format=xml', ok: 200 },
  { method: 'GET', url: '/_summary', ok: 200 },
  { method: 'GET', url: '/_report', ok: 200 },
  { method: 'GET', url: '/_ping', ok: 200 },
  { method: 'POST', url: '/api/v1/services/web/actions', payload: { action: 'restart' }, ok: 202 },
  { method: 'POST', url: '/api/v1/services/web/actions?wait=5', payload: { action: 'restart' }, ok: 200 },
  { method: 'POST', url: '/api/v1/actions', payload: { action: 'start', group: 'web' }, ok: 202 },
  { method: 'POST', url: '/api/v1/actions', payload: { action: 'stop', services: ['web', 'db'] }, ok: 202 },
  { method: 'POST', url: '/api/v1/daemon/reload', ok: 200 },
  { method: 'POST', url: '/api/v1/daemon/validate', ok: 200 },
  { method: 'POST', url: '/api/v1/daemon/quit', ok: 202 },
  { method: 'POST', url: '/_doaction', payload: 'action=restart&service=web', headers: form, ok: 200 },
  { method: 'POST', url: '/_status', payload: 'format=text', headers: form, ok: 200 },
  { method: 'POST', url: '/_summary', payload: '', headers: form, ok: 200 },
  { method: 'POST', url: '/_report', payload: 'type=up', headers: form, ok: 200 },
];
