/* global document, window, getComputedStyle, ResizeObserver */
// CPU, memory and response time over the last hour: the server's history, then one point per live check.
// Charts are drawn by uPlot (vendored, loaded from this server on first use); each has a caption in
// words (now / max), which is also what a screen reader gets.
import { h, replace } from './dom.js';
import { bytes, ms, percent } from './format.js';

let loading = null;

function loadUplot() {
  if (window.uPlot) return Promise.resolve(window.uPlot);
  loading ??= new Promise((resolve, reject) => {
    document.head.append(h('link', { rel: 'stylesheet', href: '/assets/vendor/uPlot.min.css' }));
    const script = h('script', { src: '/assets/vendor/uPlot.iife.min.js' });
    script.addEventListener('load', () => resolve(window.uPlot));
    script.addEventListener('error', () => reject(new Error('cannot load the chart library')));
    document.head.append(script);
  });
  return loading;
}

/** The server's label of a port (src/daemon/history.ts portLabel). */
export function portLabel(p) {
  if (p.path !== undefined) return `${p.path} ${p.type}`;
  return p.port === null ? `${p.host} ${p.type}` : `${p.host}:${p.port} ${p.type}`;
}

const css = (name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

function finite(values) {
  return values.filter((v) => typeof v === 'number' && Number.isFinite(v));
}

const PANELS = [
  { id: 'cpu', title: 'CPU', unit: percent, color: '--chart-1', min: 1 },
  { id: 'memory', title: 'Memory', unit: bytes, color: '--chart-2', min: 1024 * 1024 },
  { id: 'response', title: 'Response time', unit: ms, color: '--chart-3', min: 1 },
];

export class HistoryCharts {
  constructor(type) {
    this.type = type;
    this.element = h('div', { class: 'charts' });
    this.data = null;
    this.plots = [];
    this.observer = null;
  }

  /** Draws the server's history (GET /api/v1/services/:name/history). */
  async set(history) {
    this.data = { times: history.times, cpu: history.cpu, memory: history.memory, ports: history.ports.map((p) => ({ label: p.label, values: p.responseMs })) };
    this.windowSeconds = history.windowSeconds;
    try {
      this.uPlot = await loadUplot();
    } catch (err) {
      replace(this.element, h('p', { class: 'error' }, err.message));
      return;
    }
    this.draw();
  }

  /** One live check of this service (a `status` frame). */
  push(service) {
    if (!this.data || !service.lastCheck) return;
    const t = Date.parse(service.lastCheck) / 1000;
    if (this.data.times.length > 0 && t <= this.data.times.at(-1)) return;
    const d = this.data;
    d.times.push(t);
    d.cpu.push(service.system ? service.system.cpu?.usage ?? null : service.process?.cpu ?? null);
    d.memory.push(service.system ? service.system.memory?.bytes ?? null : service.process?.memory ?? null);
    const now = new Map((service.ports ?? []).map((p) => [portLabel(p), p.ok === false ? null : p.responseTimeMs]));
    for (const label of now.keys()) if (!d.ports.some((p) => p.label === label)) d.ports.push({ label, values: d.times.slice(1).map(() => null) });
    for (const p of d.ports) p.values.push(now.get(p.label) ?? null);
    const oldest = t - this.windowSeconds;
    let drop = 0;
    while (drop < d.times.length && d.times[drop] < oldest) drop++;
    if (drop > 0) for (const column of [d.times, d.cpu, d.memory, ...d.ports.map((p) => p.values)]) column.splice(0, drop);
    if (this.plots.length === 0 || this.plots.length !== this.panels().length) this.draw();
    else this.update();
  }

  panels() {
    const d = this.data;
    const hasProcess = this.type === 'process' || this.type === 'system' || finite(d.cpu).length > 0;
    return PANELS.filter((p) => (p.id === 'response' ? d.ports.length > 0 : hasProcess));
  }

  series(panel) {
    const d = this.data;
    if (panel.id === 'cpu') return [{ label: 'CPU', values: d.cpu }];
    if (panel.id === 'memory') return [{ label: 'Memory', values: d.memory }];
    return d.ports.map((p) => ({ label: p.label, values: p.values }));
  }

  draw() {
    for (const p of this.plots) p.plot.destroy();
    this.plots = [];
    this.observer?.disconnect();
    const panels = this.panels();
    if (panels.length === 0) {
      replace(this.element, h('p', { class: 'empty' }, 'No figures to chart for this service.'));
      return;
    }
    replace(this.element);
    for (const panel of panels) {
      const caption = h('span', { class: 'chart-now' });
      const box = h('div', { class: 'chart-plot', role: 'img' });
      this.element.append(h('figure', { class: 'chart', data: { chart: panel.id } }, h('figcaption', {}, h('span', { class: 'chart-title' }, panel.title), ' ', caption), box));
      this.plots.push({ panel, caption, box, plot: this.plot(panel, box) });
    }
    this.captions();
    this.observer = new ResizeObserver(() => {
      for (const p of this.plots) p.plot.setSize({ width: Math.max(200, p.box.clientWidth), height: 140 });
    });
    for (const p of this.plots) this.observer.observe(p.box);
  }

  plot(panel, box) {
    const fg = css('--muted');
    const grid = css('--line');
    const palette = [css(panel.color), css('--chart-4'), css('--chart-5'), css('--chart-2')];
    const list = this.series(panel);
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 }, font: '11px system-ui, sans-serif' };
    const opts = {
      width: Math.max(200, box.clientWidth || 600),
      height: 140,
      legend: { show: list.length > 1 },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(panel.min, (max ?? 0) * 1.15)] } },
      series: [{}, ...list.map((s, i) => ({ label: s.label, stroke: palette[i % palette.length], width: 1.5, fill: i === 0 && list.length === 1 ? `${palette[0]}22` : undefined, value: (_u, v) => (v === null ? '–' : panel.unit(v)) }))],
      axes: [axis, { ...axis, size: 64, values: (_u, ticks) => ticks.map((v) => panel.unit(v)) }],
    };
    return new this.uPlot(opts, [this.data.times, ...list.map((s) => s.values)], box);
  }

  update() {
    for (const p of this.plots) p.plot.setData([this.data.times, ...this.series(p.panel).map((s) => s.values)]);
    this.captions();
  }

  captions() {
    for (const p of this.plots) {
      const parts = this.series(p.panel).map((s) => {
        const values = finite(s.values);
        const now = s.values.at(-1);
        const text = values.length === 0 ? 'no figures yet' : `now ${now === null || now === undefined ? '–' : p.panel.unit(now)}, max ${p.panel.unit(Math.max(...values))}`;
        return this.series(p.panel).length > 1 ? `${s.label}: ${text}` : text;
      });
      const words = parts.join('; ');
      if (p.caption.textContent !== words) p.caption.textContent = words;
      p.box.setAttribute('aria-label', `${p.panel.title} over the last hour: ${words}`);
    }
  }

  /** Redraw with the current colours (the system switched between dark and light). */
  recolour() {
    if (this.data && this.uPlot) this.draw();
  }
}
