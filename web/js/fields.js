// A definition list (term: value) that updates in place: the structure is rebuilt only when the terms
// change, values only when their text changes.
import { h, replace } from './dom.js';

export class Fields {
  constructor(props = {}) {
    this.element = h('dl', { class: 'fields', ...props });
    this.shape = '';
    this.cells = new Map();
  }

  /** rows: [term, value, { wide }?][] where value is text, a node, an array of nodes, or null (row left out). */
  set(rows) {
    const present = rows.filter(([, v]) => v !== null && v !== undefined);
    const shape = present.map(([t]) => t).join('\n');
    if (shape !== this.shape) {
      this.shape = shape;
      this.cells.clear();
      replace(this.element, present.map(([term, , options]) => {
        const dd = h('dd', { data: { field: term } });
        this.cells.set(term, { dd, key: null });
        return h('div', { class: ['field', options?.wide ? 'wide' : ''] }, h('dt', {}, term), dd);
      }));
    }
    for (const [term, value] of present) {
      const cell = this.cells.get(term);
      const key = typeof value === 'string' || typeof value === 'number' ? String(value) : keyOf(value);
      if (cell.key === key) continue;
      cell.key = key;
      replace(cell.dd, value);
    }
  }
}

function keyOf(value) {
  const nodes = Array.isArray(value) ? value : [value];
  return nodes.map((n) => (typeof n === 'string' ? n : n?.outerHTML ?? n?.textContent ?? '')).join('');
}
