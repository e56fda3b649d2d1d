/* global document */
// The overview: every service, grouped by type, one row each. Rows are built once and then updated in
// place (cell by cell, only what changed), so live updates never move the keyboard focus or the scroll.
import { api } from './api.js';
import { columnsFor } from './columns.js';
import { h, replace, serviceLink, setText } from './dom.js';
import { duration } from './format.js';
import { debounce } from './live.js';
import { stateOf, stateWords, TYPE_ORDER, TYPE_TITLES } from './status.js';

export function mountOverview(app) {
  const services = new Map();
  let server = null;
  let layout = '';
  const rows = new Map();
  const summary = h('section', { class: 'summary', aria: { label: 'Summary' } });
  const tables = h('div', { class: 'types' });
  const heading = h('h1', {}, 'Services');
  replace(app, heading, summary, tables);

  function build() {
    rows.clear();
    const byType = new Map();
    for (const s of services.values()) byType.set(s.type, [...(byType.get(s.type) ?? []), s]);
    const types = [...byType.keys()].sort((a, b) => rank(a) - rank(b));
    replace(tables, types.map((type) => section(type, byType.get(type))));
  }

  function section(type, list) {
    const cols = columnsFor(type);
    const id = `type-${type}`;
    const title = TYPE_TITLES[type] ?? type;
    return h('section', { class: 'type', aria: { labelledby: id } },
      h('h2', { id }, title, ' ', h('span', { class: 'count' }, `(${list.length})`)),
      h('div', { class: 'table-wrap' },
        h('table', { class: 'services', data: { type } },
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Service'), cols.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : null }, c.label)))),
          h('tbody', {}, list.map((s) => row(s, cols))))));
  }

  function row(service, cols) {
    const cells = cols.map((c) => ({ col: c, td: h('td', { data: { label: c.label }, class: [c.num ? 'num' : '', c.class ?? ''] }), last: null }));
    const tr = h('tr', { data: { service: service.name } }, h('th', { scope: 'row', class: 'name' }, serviceLink(service.name)), cells.map((c) => c.td));
    rows.set(service.name, { tr, cells });
    return tr;
  }

  function update(service) {
    const r = rows.get(service.name);
    if (!r) return;
    const state = stateOf(service);
    if (r.tr.dataset.state !== state) r.tr.dataset.state = state;
    for (const cell of r.cells) {
      const key = cell.col.key(service);
      if (key === cell.last) continue;
      cell.last = key;
      replace(cell.td, cell.col.render(service));
    }
  }

  function renderSummary() {
    const counts = { ok: 0, failed: 0, pending: 0, init: 0, off: 0 };
    for (const s of services.values()) counts[stateOf(s)]++;
    const chips = Object.entries(counts).filter(([state, n]) => n > 0 || state === 'ok' || state === 'failed')
      .map(([state, n]) => h('li', { class: 'chip', data: { state } }, h('strong', {}, String(n)), ' ', stateWords(state)));
    const facts = server ? `tsmonit ${server.version} on ${server.hostname} · up ${duration(server.uptime)} · ${server.cycleSeconds ? `cycle ${server.cycleSeconds} s` : 'no cycle'} · ${server.cycles} cycles` : '';
    const key = JSON.stringify([counts, facts]);
    if (summary.dataset.key === key) return;
    summary.dataset.key = key;
    replace(summary, h('ul', { class: 'chips', aria: { label: 'Services by state' } }, chips), h('p', { class: 'facts' }, facts));
  }

  function render() {
    const shape = JSON.stringify([...services.values()].map((s) => [s.name, s.type]));
    if (shape !== layout) {
      layout = shape;
      build();
    }
    for (const s of services.values()) update(s);
    renderSummary();
    setText(heading, `Services (${services.size})`);
  }

  async function load() {
    try {
      const data = await api.services();
      server = data.server;
      services.clear();
      for (const s of data.services) services.set(s.name, s);
      render();
      document.title = `tsmonit on ${server.hostname}`;
    } catch (err) {
      replace(tables, h('p', { class: 'error', role: 'alert' }, `Cannot load the services: ${err.message}`));
      layout = '';
    }
  }

  const reload = debounce(load, 250);
  const ticker = setInterval(() => {
    if (server) server = { ...server, uptime: server.uptime + 1 };
    render();
  }, 1000);
  void load();

  return {
    onStatus(report) {
      let unknown = false;
      for (const s of report.services) {
        if (!services.has(s.name)) unknown = true;
        services.set(s.name, s);
      }
      if (server) server = { ...server, cycles: report.cycle + 1 };
      if (unknown) reload();
      else render();
    },
    // An event can change what no cycle reports (an action, an early check): reload the list.
    onEvent: () => reload(),
    onReconnect: () => reload(),
    stop: () => clearInterval(ticker),
  };
}

function rank(type) {
  const i = TYPE_ORDER.indexOf(type);
  return i < 0 ? TYPE_ORDER.length : i;
}
