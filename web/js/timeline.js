// A list of events, newest first. An action's result names its cause (the event whose rule fired, with
// the figures that fired it), and that event names the result; user actions name who asked.
import { h, replace, serviceLink } from './dom.js';
import { clock, figures, ms, relative } from './format.js';

const MAX_ITEMS = 500;

function isResult(e) {
  return e.kind === 'action' && e.result !== undefined;
}

function isCause(e) {
  return e.rule !== undefined && (e.state === 'failed' || e.state === 'changed') && e.action !== undefined && e.action !== 'alert';
}

function stateText(e) {
  if (e.state === 'info') return e.kind === 'action' ? (e.result === undefined ? 'requested' : 'done') : 'info';
  return e.state;
}

export class Timeline {
  /** @param {{ showService?: boolean, matches?: (e) => boolean, empty?: string }} options */
  constructor(options = {}) {
    this.options = options;
    this.events = new Map();
    this.items = new Map();
    this.list = h('ol', { class: 'timeline', aria: { label: 'Events, newest first' } });
    this.emptyNote = h('p', { class: 'empty' }, options.empty ?? 'No events yet.');
    this.element = h('div', { class: 'timeline-wrap' }, this.emptyNote, this.list);
  }

  /** Replaces the whole list (events in any order). */
  set(events) {
    this.events.clear();
    this.items.clear();
    for (const e of events) this.events.set(e.id, e);
    const sorted = this.sorted();
    replace(this.list, sorted.map((e) => this.item(e)));
    this.emptyNote.hidden = sorted.length > 0;
  }

  /** A live event: inserted at its place (normally the top); its cause is redrawn to show the result. */
  add(e) {
    if (this.events.has(e.id) || (this.options.matches && !this.options.matches(e))) return;
    this.events.set(e.id, e);
    const li = this.item(e);
    const newer = [...this.list.children].find((el) => Number(el.dataset.id) < e.id);
    this.list.insertBefore(li, newer ?? null);
    this.emptyNote.hidden = true;
    if (isResult(e)) {
      const cause = this.causeOf(e);
      if (cause) this.redraw(cause);
    }
    while (this.list.children.length > MAX_ITEMS) {
      const last = this.list.lastElementChild;
      this.events.delete(Number(last.dataset.id));
      this.items.delete(Number(last.dataset.id));
      last.remove();
    }
  }

  /** Refreshes relative times ("4s ago"). */
  tick() {
    for (const li of this.list.children) {
      const t = li.querySelector('time');
      if (t) t.title = relative(t.dateTime);
    }
  }

  sorted() {
    return [...this.events.values()].sort((a, b) => b.id - a.id);
  }

  redraw(e) {
    const old = this.items.get(e.id);
    if (old) old.replaceWith(this.item(e));
  }

  causeOf(result) {
    if (!result.rule) return null;
    let best = null;
    for (const e of this.events.values()) {
      if (e.id < result.id && e.service === result.service && e.rule === result.rule && isCause(e) && (!best || e.id > best.id)) best = e;
    }
    return best;
  }

  resultOf(cause) {
    let best = null;
    for (const e of this.events.values()) {
      if (e.id > cause.id && e.service === cause.service && e.rule === cause.rule && isResult(e) && (!best || e.id < best.id)) best = e;
    }
    return best;
  }

  item(e) {
    const details = [];
    const add = (term, ...value) => details.push(h('dt', {}, term), h('dd', {}, ...value));
    if (e.rule) add('Rule', e.rule);
    if (e.figures && Object.keys(e.figures).length > 0) add('Figures', figures(e.figures));
    // A success event carries the action of its rule ("alert"): not something that happened now.
    if (e.action && e.state !== 'succeeded' && !(e.kind === 'action' && e.message.startsWith(e.action))) add('Action', e.action);
    if (e.result !== undefined) add('Result', `${e.result}${e.durationMs !== undefined ? ` in ${ms(e.durationMs)}` : ''}`);
    if (e.user) add('Asked by', e.user);
    if (isResult(e)) {
      const cause = this.causeOf(e);
      if (cause) add('Cause', `${cause.message}${cause.figures ? ` (${figures(cause.figures)})` : ''} at ${clock(cause.time)}`);
    }
    if (isCause(e)) {
      const result = this.resultOf(e);
      if (result) add('Outcome', `${result.message}: ${result.result}`);
    }
    if (e.output) add('Output', h('pre', {}, e.output));
    const li = h('li', { class: 'event', data: { id: e.id, state: e.state, kind: e.kind, service: e.service } },
      h('div', { class: 'ev-head' },
        h('time', { datetime: e.time, title: relative(e.time) }, clock(e.time)),
        this.options.showService ? (e.kind === 'instance' ? h('span', { class: 'ev-service' }, e.service) : serviceLink(e.service, { class: 'ev-service' })) : null,
        h('span', { class: 'kind' }, e.kind),
        h('span', { class: 'ev-state', data: { state: e.state } }, stateText(e))),
      h('p', { class: 'ev-msg' }, e.message),
      details.length > 0 ? h('dl', { class: 'ev-details' }, details) : null);
    this.items.set(e.id, li);
    return li;
  }
}
