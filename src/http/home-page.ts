// The page without scripts: a plain, escaped table of every service. It sits in the dashboard's
// <noscript> (text browsers on a server, lynx and w3m, get the status), and is the whole page when the
// dashboard's files (web/) are missing. No script and no inline style (the CSP forbids both).
import type { StatusSnapshot } from '../daemon/facade.ts';
import type { Principal } from './credentials.ts';
import { escapeHtml } from './escape.ts';
import { byType } from '../render/monit-text.ts';

export function serviceTable(snapshot: StatusSnapshot): string {
  const rows = byType(snapshot.services).map(
    (s) => `<tr><td><a href="/api/v1/services/${escapeHtml(encodeURIComponent(s.name))}">${escapeHtml(s.name)}</a></td><td>${escapeHtml(s.status)}</td><td>${escapeHtml(s.type)}</td></tr>`,
  );
  return `<table><thead><tr><th>Service</th><th>Status</th><th>Type</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
<p>JSON: <a href="/api/v1/services">/api/v1/services</a>, <a href="/api/v1/events">/api/v1/events</a>; monit: <a href="/_status">/_status</a>, <a href="/_status?format=xml">xml</a>; <a href="/metrics">/metrics</a>.</p>`;
}

export function homePage(snapshot: StatusSnapshot, principal: Principal | null): string {
  const who = principal ? `<p>Signed in as ${escapeHtml(principal.user)}${principal.readonly ? ' (read-only)' : ''}.</p>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>tsmonit on ${escapeHtml(snapshot.server.hostname)}</title></head>
<body><h1>tsmonit ${escapeHtml(snapshot.server.version)} on ${escapeHtml(snapshot.server.hostname)}</h1>${who}
${serviceTable(snapshot)}
</body></html>
`;
}
