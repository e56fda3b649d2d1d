// The overview's columns per service type: what monit's home page shows, plus ports and check times.
import { h } from './dom.js';
import { bytes, count, duration, ms, percent, relative, upcoming, NONE } from './format.js';
import { badge } from './status.js';

/** No next check for a service that is not monitored. */
const next = (s) => (s.monitoring === 'not monitored' ? NONE : upcoming(s.nextCheck));

/** Each cell renders to text or nodes; `key` is what decides whether it must be redrawn. */
const status = { label: 'Status', key: (s) => `${s.status}|${s.pendingAction}|${s.failures.join()}|${s.monitoring}`, render: (s) => badge(s) };
const monitoring = { label: 'Monitoring', key: (s) => s.monitoring, render: (s) => s.monitoring };
const checks = {
  label: 'Last / next check',
  key: (s) => `${relative(s.lastCheck)}|${next(s)}`,
  render: (s) => [h('span', { class: 'when', title: s.lastCheck ?? '' }, relative(s.lastCheck)), h('span', { class: 'sep', aria: { hidden: 'true' } }, ' / '), h('span', { class: 'when next', title: s.nextCheck ?? '' }, next(s))],
};

export function portList(ports) {
  if (!ports || ports.length === 0) return NONE;
  return h('ul', { class: 'ports' }, ports.map((p) => {
    const state = p.ok === null ? 'unknown' : p.ok ? 'ok' : 'failed';
    const where = p.path ?? (p.port === null ? p.host : `${p.host}:${p.port}`);
    return h('li', { data: { state } },
      h('span', { class: 'mark', aria: { hidden: 'true' } }, state === 'ok' ? '✓' : state === 'failed' ? '✗' : '…'),
      h('span', { class: 'visually-hidden' }, state === 'ok' ? 'answers: ' : state === 'failed' ? 'failed: ' : 'not checked yet: '),
      h('span', { class: 'where' }, `${where} ${p.type}${p.protocol && p.protocol !== 'default' ? ` ${p.protocol}` : ''}`),
      ' ', h('span', { class: 'rt' }, p.ok === false ? p.error ?? 'failed' : ms(p.responseTimeMs)));
  }));
}

const ports = { label: 'Ports', key: (s) => JSON.stringify(s.ports ?? []), render: (s) => portList(s.ports), class: 'wide' };
const proc = (f) => (s) => (s.process ? f(s.process) : NONE);
const sys = (f) => (s) => (s.system ? f(s.system) : NONE);

const PROCESS = [
  { label: 'Uptime', render: proc((p) => duration(p.uptime)), num: true },
  { label: 'CPU', render: proc((p) => percent(p.cpu)), num: true },
  { label: 'Memory', render: proc((p) => bytes(p.memory)), num: true },
  { label: 'Children', render: proc((p) => count(p.children)), num: true },
  ports,
];

const SYSTEM = [
  { label: 'Load', render: sys((x) => (x.load ? x.load.map((n) => n.toFixed(2)).join(' ') : NONE)), num: true },
  { label: 'CPU', render: sys((x) => (x.cpu ? `${percent(x.cpu.usage)}` : NONE)), num: true },
  { label: 'Memory', render: sys((x) => (x.memory ? `${percent(x.memory.percent)} (${bytes(x.memory.bytes)})` : NONE)), num: true },
  { label: 'Swap', render: sys((x) => (x.swap ? `${percent(x.swap.percent)} (${bytes(x.swap.bytes)})` : NONE)), num: true },
];

const BY_TYPE = { process: PROCESS, system: SYSTEM, host: [ports] };

export function columnsFor(type) {
  return [status, monitoring, ...(BY_TYPE[type] ?? []), checks].map((c) => ({ key: (s) => String(c.render(s)), ...c }));
}
