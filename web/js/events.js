/* global window, history, URLSearchParams */
// The event timeline: newest first, filtered by service and kind (kept in the address, so a filtered view
// can be bookmarked), live: new events that match appear at the top.
import { api } from './api.js';
import { h, replace } from './dom.js';
import { EVENT_KINDS } from './kinds.js';
import { Timeline } from './timeline.js';

function select(id, label, options, value) {
  const el = h('select', { id, name: id },
    h('option', { value: '' }, `All ${label === 'Service' ? 'services' : 'kinds'}`),
    options.map((o) => h('option', { value: o, selected: o === value }, o)));
  return { el, field: h('div', { class: 'filter' }, h('label', { for: id }, label), el) };
}

export function mountEvents(app) {
  const params = new URLSearchParams(window.location.search);
  const filter = { service: params.get('service') ?? '', kind: params.get('kind') ?? '' };
  const timeline = new Timeline({
    showService: true,
    empty: 'No events match.',
    matches: (e) => (!filter.service || e.service === filter.service) && (!filter.kind || e.kind === filter.kind),
  });
  const status = h('p', { class: 'notice', role: 'status', aria: { live: 'polite' } });
  const kind = select('kind', 'Kind', EVENT_KINDS, filter.kind);
  const service = select('service', 'Service', filter.service ? [filter.service] : [], filter.service);
  const form = h('form', { class: 'filters', role: 'search', aria: { label: 'Filter events' } }, service.field, kind.field);
  form.addEventListener('submit', (e) => e.preventDefault());
  replace(app, h('h1', {}, 'Events'), form, status, timeline.element);

  async function load() {
    try {
      const { events } = await api.events({ service: filter.service, kind: filter.kind, limit: 500 });
      timeline.set(events);
      status.textContent = `${events.length} event${events.length === 1 ? '' : 's'}${filter.service ? ` of ${filter.service}` : ''}${filter.kind ? ` of kind ${filter.kind}` : ''}, newest first.`;
    } catch (err) {
      status.textContent = `Cannot load the events: ${err.message}`;
    }
  }

  async function loadServices() {
    try {
      const { services } = await api.services();
      const names = [...new Set([...services.map((s) => s.name), filter.service].filter(Boolean))].sort();
      replace(service.el, h('option', { value: '' }, 'All services'), names.map((n) => h('option', { value: n, selected: n === filter.service }, n)));
    } catch {
      // the select keeps what it has
    }
  }

  function changed() {
    filter.service = service.el.value;
    filter.kind = kind.el.value;
    const q = new URLSearchParams();
    if (filter.service) q.set('service', filter.service);
    if (filter.kind) q.set('kind', filter.kind);
    history.replaceState(null, '', q.size > 0 ? `/events?${q}` : '/events');
    void load();
  }
  service.el.addEventListener('change', changed);
  kind.el.addEventListener('change', changed);

  const ticker = setInterval(() => timeline.tick(), 5000);
  void loadServices();
  void load();

  return {
    onEvent: (e) => timeline.add(e),
    onReconnect: () => void load(),
    stop: () => clearInterval(ticker),
  };
}
