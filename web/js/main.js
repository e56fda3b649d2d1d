/* global document, window */
// Entry point: which page this is (the server says so in <body data-page>), then that page, kept live by
// the event stream. Who is signed in and whether they may act also come from the server.
import { h, replace } from './dom.js';
import { mountEvents } from './events.js';
import { connectLive } from './live.js';
import { mountOverview } from './overview.js';
import { mountService } from './service.js';

const body = document.body;
const session = { user: body.dataset.user ?? '', readonly: body.dataset.readonly === 'true' };
const app = document.getElementById('app');

function mount() {
  switch (body.dataset.page) {
    case 'service':
      return mountService(app, session, body.dataset.service ?? '');
    case 'events':
      return mountEvents(app, session);
    case 'overview':
      return mountOverview(app, session);
    default:
      replace(app, h('h1', {}, 'Not found'), h('p', {}, h('a', { href: '/' }, 'Back to the overview')));
      return {};
  }
}

for (const link of document.querySelectorAll('[data-nav]')) {
  if (link.dataset.nav === body.dataset.page) link.setAttribute('aria-current', 'page');
}

const page = mount();
connectLive({
  onStatus: (r) => page.onStatus?.(r),
  onEvent: (e) => page.onEvent?.(e),
  onReconnect: () => page.onReconnect?.(),
});
window.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => page.onColours?.());
