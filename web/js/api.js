/* global document, fetch, URLSearchParams */
// The JSON API of the same server (same origin, the browser's Basic auth). Changes are POSTs that carry
// the CSRF double-submit token: the `securitytoken` cookie's value as X-CSRF-Token.

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function failure(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // not JSON
  }
  return new ApiError(response.status, body?.code ?? 'TSM_E_HTTP', body?.message ?? `${response.status} ${response.statusText}`);
}

export async function getJson(path) {
  const response = await fetch(path, { headers: { accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' });
  if (!response.ok) throw await failure(response);
  return response.json();
}

export function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'securitytoken') return rest.join('=');
  }
  return '';
}

export async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrfToken() },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw await failure(response);
  return response.json();
}

const enc = encodeURIComponent;

export const api = {
  services: () => getJson('/api/v1/services'),
  service: (name) => getJson(`/api/v1/services/${enc(name)}`),
  history: (name) => getJson(`/api/v1/services/${enc(name)}/history`),
  events: ({ service, kind, limit = 200 } = {}) => {
    const q = new URLSearchParams({ limit: String(limit) });
    if (service) q.set('service', service);
    if (kind) q.set('kind', kind);
    return getJson(`/api/v1/events?${q}`);
  },
  /** Waits for the action to finish (up to waitSeconds) and answers its outcome. */
  act: (name, action, waitSeconds = 300) => postJson(`/api/v1/services/${enc(name)}/actions?wait=${waitSeconds}`, { action }),
};
