// Reading and checking what a client sent (query, JSON or form body): every bad value is a 400.
import type { FastifyRequest } from 'fastify';
import type { ActionRequest } from '../daemon/facade.ts';
import { HttpError } from './errors.ts';
import { allOf, firstOf } from './url-encoding.ts';

export const MAX_WAIT_S = 3600;
const DEFAULT_WAIT_S = 60;

export function badRequest(message: string): HttpError {
  return new HttpError(400, 'TSM_E_HTTP_BAD_REQUEST', message);
}

export function query(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

export function body(request: FastifyRequest): Record<string, unknown> {
  const b = request.body;
  if (b === undefined || b === null) return {};
  if (typeof b !== 'object' || Array.isArray(b)) throw badRequest('the body must be a JSON object or a form');
  return b as Record<string, unknown>;
}

/** An optional non-negative integer in a query parameter. */
export function intParam(q: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const raw = firstOf(q[name]);
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw badRequest(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

/** `?wait=SECONDS` in ms: absent, no wait; present but empty, 60 s. */
export function waitMs(request: FastifyRequest): number | undefined {
  const q = query(request);
  if (!('wait' in q)) return undefined;
  const raw = firstOf(q.wait);
  if (raw === undefined || raw === '') return DEFAULT_WAIT_S * 1000;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0 || n > MAX_WAIT_S) throw badRequest(`wait must be a number of seconds from 0 to ${MAX_WAIT_S}`);
  return Math.round(n * 1000);
}

export function actionOf(b: Record<string, unknown>): ActionRequest['action'] {
  const action = firstOf(b.action);
  if (action === undefined) throw badRequest('the body needs "action": start, stop, restart, monitor or unmonitor');
  return action as ActionRequest['action']; // the facade refuses unknown actions (TSM_E_BAD_ACTION)
}

/** services: a JSON list, or repeated `service=` / `services=` form fields. */
export function servicesOf(b: Record<string, unknown>): string[] | undefined {
  const raw = b.services ?? b.service;
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' && !(Array.isArray(raw) && raw.every((s) => typeof s === 'string'))) {
    throw badRequest('services must be a list of service names');
  }
  return allOf(raw);
}

export function groupOf(b: Record<string, unknown>): string | undefined {
  const raw = b.group;
  if (raw === undefined) return undefined;
  const g = firstOf(raw);
  if (g === undefined || g === '') throw badRequest('group must be a group name');
  return g;
}
