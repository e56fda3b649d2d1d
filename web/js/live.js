/* global EventSource, document */
// The live stream (server-sent events): `status` after each cycle with the services just checked, `event`
// for each new event. The browser reconnects by itself and resumes events with Last-Event-ID; after a
// reconnect the page reloads its data once, for the cycles it missed.

const LABELS = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' };

export function connectLive({ onStatus, onEvent, onReconnect }) {
  const badge = document.getElementById('live');
  let everOpen = false;
  let source = null;
  let closed = false;
  const show = (state) => {
    if (!badge) return;
    badge.dataset.state = state;
    badge.textContent = LABELS[state];
  };
  const open = () => {
    source = new EventSource('/api/v1/events/stream');
    source.addEventListener('open', () => {
      show('live');
      if (everOpen) onReconnect?.();
      everOpen = true;
    });
    source.addEventListener('error', () => {
      show('reconnecting');
      // The browser retries by itself unless the server refused the stream (an error status): then we do.
      if (source.readyState === EventSource.CLOSED && !closed) setTimeout(() => { if (!closed) open(); }, 5000);
    });
    source.addEventListener('status', (e) => onStatus?.(JSON.parse(e.data)));
    source.addEventListener('event', (e) => onEvent?.(JSON.parse(e.data)));
  };
  open();
  return () => {
    closed = true;
    source?.close();
  };
}

/** Calls fn at most once per `ms`, trailing: for "reload the list after a burst of events". */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      fn(...args);
    }, ms);
  };
}
