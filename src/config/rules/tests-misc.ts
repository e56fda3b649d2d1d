// Program, network and uptime tests (monit.md 2.3): status, uptime, link, saturation, upload/download.
import { failing, type TestClause } from './clause.ts';
import type { Cursor } from './cursor.ts';
import { parseOperator } from './operators.ts';
import { readQuantity } from './quantity.ts';

export function parseStatus(c: Cursor): TestClause {
  const at = c.next();
  const op = parseOperator(c);
  const q = readQuantity(c, { subject: 'status', allow: ['none'] });
  return failing({ kind: 'status', op, value: q.value }, at);
}

export function parseUptime(c: Cursor): TestClause {
  const at = c.next();
  const op = parseOperator(c);
  const q = readQuantity(c, { subject: 'uptime', allow: ['time'], dflt: 'time' });
  return failing({ kind: 'uptime', op, seconds: q.value }, at);
}

/** `link down` fails when the link is down; `link up` is the inverted test (polarity succeeded). */
export function parseLink(c: Cursor): TestClause {
  const at = c.next();
  const state = c.expect(['down', 'up']).value as 'down' | 'up';
  return { test: { kind: 'link', state }, polarity: state === 'up' ? 'succeeded' : 'failed', at };
}

export function parseSaturation(c: Cursor): TestClause {
  const at = c.next();
  const op = parseOperator(c);
  const q = readQuantity(c, { subject: 'saturation', allow: ['percent'], dflt: 'percent' });
  return failing({ kind: 'saturation', op, percent: q.value }, at);
}

/** `upload > 10 MB/s`, `download > 1000 packets/s`. */
export function parseTraffic(c: Cursor): TestClause {
  const at = c.next();
  const op = parseOperator(c);
  const q = readQuantity(c, { subject: at.value, allow: ['bytes', 'packets'], perSecond: true });
  const unit = q.kind === 'packets' ? 'packets' : 'bytes';
  return failing({ kind: 'traffic', direction: at.value as 'upload' | 'download', op, value: q.value, unit }, at);
}
