/* global document */
// Building the page from elements and text nodes only: every string becomes a text node, so names, messages and
// program output are shown as text, never parsed as markup.

/**
 * h('a', { href: '/x', class: 'c', aria: { label: 'L' }, data: { state: 'ok' }, on: { click: fn } }, 'text', child)
 * Properties that are null or undefined are left out; children may be strings, numbers, nodes, arrays or null.
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'text') el.textContent = String(value);
    else if (key === 'on') for (const [name, fn] of Object.entries(value)) el.addEventListener(name, fn);
    else if (key === 'aria') for (const [name, v] of Object.entries(value)) { if (v !== null && v !== undefined) el.setAttribute(`aria-${name}`, String(v)); }
    else if (key === 'data') for (const [name, v] of Object.entries(value)) { if (v !== null && v !== undefined) el.dataset[name] = String(v); }
    else if (/^on/i.test(key)) throw new Error(`no inline handlers (${key}): use on: { event: fn }`);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (typeof child === 'string' || typeof child === 'number') el.append(document.createTextNode(String(child)));
    else el.append(child);
  }
}

/** Replaces all children of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** Sets text only when it changed (no needless DOM writes on every live update). */
export function setText(el, text) {
  const value = text === null || text === undefined ? '' : String(text);
  if (el.textContent !== value) el.textContent = value;
}

/** The path of a service's page. */
export function serviceHref(name) {
  return `/service/${encodeURIComponent(name)}`;
}

export function serviceLink(name, props = {}) {
  return h('a', { href: serviceHref(name), ...props }, name);
}
