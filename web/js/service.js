/* global document */
// A service's page: live figures, ports, the last hour in charts, configuration, rules in words, recent
// events, and the action buttons (only for users who may act; the server refuses the others anyway).
import { api } from './api.js';
import { HistoryCharts } from './chart.js';
import { portList } from './columns.js';
import { h, replace, serviceLink } from './dom.js';
import { Fields } from './fields.js';
import { bytes, clock, count, duration, ms, percent, relative, upcoming, NONE } from './format.js';
import { debounce } from './live.js';
import { badge, stateOf, stateWords } from './status.js';
import { Timeline } from './timeline.js';

const ACTIONS = [
  ['start', 'Start'],
  ['stop', 'Stop'],
  ['restart', 'Restart'],
  ['monitor', 'Monitor'],
  ['unmonitor', 'Unmonitor'],
];
const DOING = { start: 'Starting', stop: 'Stopping', restart: 'Restarting', monitor: 'Enabling monitoring of', unmonitor: 'Disabling monitoring of' };

function card(title, id, ...body) {
  return h('section', { class: 'card', aria: { labelledby: id } }, h('h2', { id }, title), ...body);
}

function code(text) {
  return text ? h('code', {}, text) : null;
}

function links(names) {
  if (names.length === 0) return 'none';
  return names.flatMap((n, i) => (i === 0 ? [serviceLink(n)] : [', ', serviceLink(n)]));
}

function figureRows(s) {
  const rows = [
    ['Status', badge(s)],
    ['Monitoring', s.monitoring],
    ['Pending action', s.pendingAction],
  ];
  const p = s.process;
  if (p) {
    rows.push(
      ['PID', count(p.pid)], ['Parent PID', count(p.ppid)], ['Uptime', duration(p.uptime)],
      ['CPU', percent(p.cpu)], ['CPU with children', percent(p.cpuTotal)],
      ['Memory', p.memory === null ? NONE : `${bytes(p.memory)} (${percent(p.memoryPercent)})`],
      ['Memory with children', bytes(p.memoryTotal)], ['Children', count(p.children)], ['Threads', count(p.threads)],
    );
  }
  const x = s.system;
  if (x) {
    rows.push(
      ['Load (1, 5, 15 min)', x.load ? x.load.map((n) => n.toFixed(2)).join(', ') : NONE],
      ['CPU', x.cpu ? `${percent(x.cpu.usage)} (user ${percent(x.cpu.user)}, system ${percent(x.cpu.system)}, wait ${percent(x.cpu.wait)})` : NONE],
      ['Memory', x.memory ? `${percent(x.memory.percent)} (${bytes(x.memory.bytes)})` : NONE],
      ['Swap', x.swap ? `${percent(x.swap.percent)} (${bytes(x.swap.bytes)})` : NONE],
      ['Uptime', duration(x.uptime)],
    );
  }
  rows.push(
    ['Restarts', String(s.restarts)],
    ['Last check', s.lastCheck ? `${clock(s.lastCheck)} (${relative(s.lastCheck)})` : NONE],
    ['Next check', s.nextCheck && s.monitoring !== 'not monitored' ? `${clock(s.nextCheck)} (${upcoming(s.nextCheck)})` : NONE],
    ['Check took', s.checkDurationMs === null || s.checkDurationMs === undefined ? null : ms(s.checkDurationMs)],
  );
  return rows;
}

function configRows(s, server, requiredBy) {
  const c = s.config ?? {};
  const schedule = c.every ?? (server?.cycleSeconds ? `every cycle (${server.cycleSeconds} s)` : 'every cycle');
  const stopWords = s.type === 'process' && !c.stop ? 'none: SIGTERM, then SIGKILL after the stop timeout' : null;
  return [
    ['Type', s.type],
    ['Pidfile', c.pidfile ?? null, { wide: true }],
    ['Matching', code(c.matching), { wide: true }],
    ['Path', c.path ?? null, { wide: true }],
    ['Address', c.address ?? null],
    ['Start program', code(c.start) ?? (s.type === 'process' ? 'none' : null), { wide: true }],
    ['Stop program', code(c.stop) ?? stopWords, { wide: true }],
    ['Restart program', code(c.restart), { wide: true }],
    ['Schedule', schedule],
    ['Groups', s.groups.length > 0 ? s.groups.join(', ') : 'none'],
    ['Depends on', links(s.dependsOn)],
    ['Required by', links(requiredBy)],
    ['Mode', s.mode],
    ['On reboot', s.onreboot],
  ];
}

function ruleList(rules) {
  if (!rules || rules.length === 0) return h('p', { class: 'empty' }, 'No rules.');
  return h('ul', { class: 'rules' }, rules.map((r) => {
    const state = r.state === 'failed' ? 'failed' : r.state === 'succeeded' ? 'ok' : r.state === 'changed' ? 'pending' : 'init';
    const words = { failed: 'failing', ok: 'passing', pending: 'changed', init: 'not checked yet' }[state];
    return h('li', { data: { state } },
      h('span', { class: 'rule-state', data: { state } }, words),
      h('span', { class: 'rule-text' }, r.rule),
      r.message ? h('span', { class: 'rule-msg' }, r.message) : null);
  }));
}

export function mountService(app, session, name) {
  let detail = null;
  let server = null;
  let requiredBy = [];
  const title = h('h1', {}, name);
  const headBadge = h('span', { class: 'head-badge' });
  const kind = h('p', { class: 'subtitle' });
  const figures = new Fields({ class: 'fields figures' });
  const config = new Fields();
  const portsBox = h('div');
  const rulesBox = h('div');
  const charts = new HistoryCharts(null);
  const timeline = new Timeline({ empty: 'No events for this service yet.' });
  const notice = h('p', { class: 'notice', role: 'status', aria: { live: 'polite' } });
  const buttons = ACTIONS.map(([action, label]) => h('button', { type: 'button', class: ['btn', `btn-${action}`], data: { action }, on: { click: () => run(action, label) } }, label));
  const actions = session.readonly
    ? null
    : h('div', { class: 'actions', role: 'group', aria: { label: `Actions on ${name}` } }, buttons);
  const portsPart = h('div', { class: 'ports-part' }, h('h3', {}, 'Ports and sockets'), portsBox);

  replace(app,
    h('nav', { class: 'crumbs', aria: { label: 'Breadcrumb' } }, h('a', { href: '/' }, 'Overview'), h('span', { aria: { hidden: 'true' } }, ' › '), h('span', { aria: { current: 'page' } }, name)),
    h('div', { class: 'service-head' }, title, headBadge),
    kind, actions, notice,
    h('div', { class: 'columns' },
      h('div', { class: 'col' },
        card('Now', 'c-now', figures.element, portsPart),
        card('Last hour', 'c-chart', charts.element)),
      h('div', { class: 'col' },
        card('Rules', 'c-rules', rulesBox),
        card('Configuration', 'c-config', config.element))),
    h('section', { class: 'card', aria: { labelledby: 'c-events' } }, h('h2', { id: 'c-events' }, 'Recent events ', h('a', { class: 'more', href: `/events?service=${encodeURIComponent(name)}`, aria: { label: `All events of ${name}` } }, 'all')), timeline.element));
  document.title = `${name} – tsmonit`;

  function renderLive() {
    if (!detail) return;
    replace(headBadge, badge(detail));
    const state = stateOf(detail);
    app.dataset.state = state;
    kind.textContent = `${detail.type} · ${stateWords(state)}${detail.groups.length ? ` · group ${detail.groups.join(', ')}` : ''}`;
    figures.set(figureRows(detail));
    portsPart.hidden = !detail.ports || detail.ports.length === 0;
    const ports = JSON.stringify(detail.ports ?? []);
    if (portsBox.dataset.key !== ports) {
      portsBox.dataset.key = ports;
      replace(portsBox, portList(detail.ports));
    }
  }

  function renderAll() {
    renderLive();
    config.set(configRows(detail, server, requiredBy));
    replace(rulesBox, ruleList(detail.rules));
  }

  async function load(withEvents = false) {
    try {
      detail = await api.service(name);
    } catch (err) {
      if (err.status === 404) {
        replace(app, h('h1', {}, 'No such service'), h('p', {}, `There is no service named “${name}”. `, h('a', { href: '/' }, 'Back to the overview')));
        return false;
      }
      notice.textContent = `Cannot load the service: ${err.message}`;
      return false;
    }
    charts.type = detail.type;
    renderAll();
    if (withEvents) timeline.set(detail.events);
    return true;
  }

  async function loadAll() {
    if (!(await load(true))) return;
    try {
      const all = await api.services();
      server = all.server;
      requiredBy = all.services.filter((s) => s.dependsOn.includes(name)).map((s) => s.name);
      renderAll();
    } catch {
      // the configuration card keeps its first rendering
    }
    try {
      await charts.set(await api.history(name));
    } catch (err) {
      replace(charts.element, h('p', { class: 'empty' }, `No history: ${err.message}`));
    }
  }

  async function run(action, label) {
    for (const b of buttons) b.disabled = true;
    notice.dataset.state = 'busy';
    notice.textContent = `${DOING[action]} ${name}…`;
    try {
      const { results } = await api.act(name, action);
      const r = results[0];
      notice.dataset.state = r.state === 'done' ? 'ok' : 'failed';
      notice.textContent = `${label}: ${r.message}${r.durationMs !== undefined ? ` (${ms(r.durationMs)})` : ''}`;
    } catch (err) {
      notice.dataset.state = 'failed';
      notice.textContent = `${label} refused: ${err.message}`;
    } finally {
      for (const b of buttons) b.disabled = false;
      void load();
    }
  }

  const reload = debounce(load, 250);
  const ticker = setInterval(() => {
    renderLive();
    timeline.tick();
  }, 1000);
  void loadAll();

  return {
    onStatus(report) {
      const s = report.services.find((x) => x.name === name);
      if (!s || !detail) return;
      detail = { ...detail, ...s };
      renderLive();
      charts.push(s);
      reload();
    },
    onEvent(e) {
      if (e.service !== name) return;
      timeline.add(e);
      reload();
    },
    onReconnect: () => void loadAll(),
    onColours: () => charts.recolour(),
    stop: () => clearInterval(ticker),
  };
}
