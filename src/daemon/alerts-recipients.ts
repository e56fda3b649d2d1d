// Who hears about an event: global recipients plus the service's own, minus its noalert, filtered by event kind.
import type { Config } from '../model/config.ts';
import type { AlertRecipient } from '../model/service.ts';

/** `mail:ops@example.com` or `webhook:https://...`: one outbox queue each, delivered in order. */
export function destinationOf(r: AlertRecipient): string {
  return r.email !== undefined ? `mail:${r.email.toLowerCase()}` : `webhook:${r.webhook ?? ''}`;
}

function addressOf(r: AlertRecipient): string {
  return (r.email ?? r.webhook ?? '').toLowerCase();
}

/**
 * monit's rules: the global list applies to every service; a service's own entry for the same address replaces the
 * global one; `noalert ADDR` removes a global recipient from that service. Each destination appears once.
 */
export function recipientsFor(config: Config, service: string): AlertRecipient[] {
  const spec = config.services.find((s) => s.name === service);
  const local = spec?.alerts ?? [];
  const silenced = new Set((spec?.noalert ?? []).map((a) => a.toLowerCase()));
  const localDestinations = new Set(local.map(destinationOf));
  const global = config.alerts.filter((r) => !localDestinations.has(destinationOf(r)) && !silenced.has(addressOf(r)));
  const seen = new Set<string>();
  return [...global, ...local].filter((r) => {
    const d = destinationOf(r);
    if (seen.has(d)) return false;
    seen.add(d);
    return true;
  });
}

/** `only_on` / `but_not_on` (monit's `{ events }` / `not { events }`). */
export function wantsKind(r: AlertRecipient, kind: string): boolean {
  if (r.onlyOn !== undefined) return r.onlyOn.includes(kind);
  if (r.butNotOn !== undefined) return !r.butNotOn.includes(kind);
  return true;
}
