// What colour a service is: one word the CSS and the tests read (data-state), and a label in words.
import { h } from './dom.js';

/** 'off' | 'failed' | 'pending' | 'init' | 'ok'. A failure outranks a pending action: a dead process
 *  being restarted is still failed until it runs again. */
export function stateOf(service) {
  if (service.monitoring === 'not monitored') return 'off';
  if (service.failures?.length > 0) return 'failed';
  if (service.pendingAction) return 'pending';
  if (service.monitoring !== 'monitored') return 'init';
  return 'ok';
}

const WORDS = { off: 'not monitored', failed: 'failed', pending: 'action pending', init: 'initializing', ok: 'ok' };

export function stateWords(state) {
  return WORDS[state] ?? state;
}

/** The status text of a service (monit's words), plus its pending action. */
export function statusLabel(service) {
  return service.pendingAction && !service.status.includes(service.pendingAction)
    ? `${service.status} – ${service.pendingAction} pending`
    : service.status;
}

/** A coloured badge; the colour is never the only signal: the text says the same. */
export function badge(service, props = {}) {
  const state = stateOf(service);
  return h('span', { class: 'badge', data: { state }, title: stateWords(state), ...props }, statusLabel(service));
}

export const TYPE_TITLES = {
  system: 'System',
  process: 'Processes',
  program: 'Programs',
  host: 'Hosts',
  network: 'Networks',
  filesystem: 'Filesystems',
  file: 'Files',
  directory: 'Directories',
  fifo: 'FIFOs',
};

export const TYPE_ORDER = Object.keys(TYPE_TITLES);
