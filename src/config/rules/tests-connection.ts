// Connection tests after `failed`/`succeeded` (monit.md 2.4): port, unixsocket, url, ping,
// with their options in any order.
import type { ConnectionTest, Polarity, ProtocolSpec } from '../../model/rule.ts';
import type { TestClause } from './clause.ts';
import { valueOf, type Cursor } from './cursor.ts';
import { parseOperator } from './operators.ts';
import { atProtocolOption, readProtocolName, readProtocolOption, readSendExpect } from './protocol-options.ts';
import { readCount, readQuantity } from './quantity.ts';
import { readContent, readAlgorithm } from './tests-path.ts';
import type { Token } from './tokenizer.ts';

export const CONNECTION_WORDS = ['host', 'port', 'unixsocket', 'unix', 'url', 'ping', 'ping4', 'ping6', 'icmp'];

function readPort(c: Cursor): number {
  const { value, tok } = readCount(c, 'port');
  if (value < 1 || value > 65_535) c.report('TSM_E_VALUE', tok, `port ${value} is out of range (1-65535)`);
  return value;
}

function isHttpUrl(url: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

function readUrl(c: Cursor): string {
  const t = c.expectValue('a URL');
  const url = valueOf(t);
  if (!isHttpUrl(url)) c.report('TSM_E_VALUE', t, `'${url}' is not an http or https URL`);
  return url;
}

function readTarget(c: Cursor): ConnectionTest['target'] {
  const t = c.next();
  switch (t.value) {
    case 'host': {
      const host = valueOf(c.expectValue('a host name or address'));
      c.expect(['port']);
      return { type: 'port', host, port: readPort(c), socket: 'tcp' };
    }
    case 'port':
      return { type: 'port', port: readPort(c), socket: 'tcp' };
    case 'unixsocket':
    case 'unix':
      return { type: 'unix', path: valueOf(c.expectValue('a socket path')), socket: 'tcp' };
    case 'url':
      return { type: 'url', url: readUrl(c) };
    case 'ping4':
    case 'ping6':
      return { type: 'ping', family: t.value === 'ping4' ? 'ipv4' : 'ipv6' };
    case 'icmp':
      if (c.accept('type')) c.expect(['echo']);
      return { type: 'ping' };
    default:
      return { type: 'ping' };
  }
}

function readSocket(c: Cursor, test: ConnectionTest): void {
  const target = test.target;
  if (target.type === 'unix') target.socket = c.expect(['tcp', 'udp']).value as 'tcp' | 'udp';
  else if (target.type === 'port') target.socket = c.expect(['tcp', 'udp', 'tcpssl']).value as 'tcp' | 'udp' | 'tcpssl';
}

function readCertificate(c: Cursor, test: ConnectionTest): void {
  const cert = { ...test.certificate };
  if (c.accept('valid')) {
    if (c.peek().kind === 'op' || c.at('gt', 'greater', 'more')) parseOperator(c, false);
    const q = readQuantity(c, { subject: 'certificate valid', allow: ['time'], dflt: 'time', defaultFactor: 86_400 });
    cert.validDays = q.value / 86_400;
  } else {
    c.expect(['checksum', 'valid']);
    readAlgorithm(c);
    if (c.peek().kind === 'op' && c.peek().text === '=') c.next();
    cert.checksum = valueOf(c.expectValue('a certificate checksum'));
  }
  test.certificate = cert;
}

/** Options valid for each target; false ends the option list. */
function readOption(c: Cursor, test: ConnectionTest): boolean {
  const t = c.peek();
  const type = test.target.type;
  const stream = type === 'port' || type === 'unix';
  if (t.kind !== 'word') return false;
  const w = t.value;
  if ((w === 'ipv4' || w === 'ipv6') && (type === 'port' || type === 'ping')) {
    c.next();
    test.target = { ...test.target, family: w } as ConnectionTest['target'];
  } else if (w === 'type' && stream) {
    c.next();
    readSocket(c, test);
  } else if ((w === 'ssl' || w === 'tls' || w === 'sslauto') && type === 'port') {
    c.next();
    if (c.peek().kind === 'punct' && c.peek().text === '{') c.unsupported(c.peek(), 'per-test ssl options { ... }');
    test.target = { ...test.target, socket: 'tcpssl' } as ConnectionTest['target'];
  } else if (w === 'certificate' && (type === 'port' || type === 'url')) {
    c.next();
    readCertificate(c, test);
  } else if (w === 'certmd5' && type === 'port') {
    c.next();
    test.certificate = { ...test.certificate, checksum: valueOf(c.expectValue('a certificate checksum')) };
  } else if ((w === 'protocol' || w === 'proto') && stream) {
    c.next();
    test.protocol = readProtocolName(c, test.protocol);
  } else if ((w === 'send' || w === 'expect') && stream) {
    test.protocol = readSendExpect(c, test.protocol);
  } else if (w === 'responsetime') {
    c.next();
    const op = parseOperator(c);
    const q = readQuantity(c, { subject: 'responsetime', allow: ['time'], dflt: 'time', defaultFactor: 0.001 });
    test.responseTime = { op, ms: Math.round(q.value * 1000) };
  } else if (w === 'timeout') {
    c.next();
    const q = readQuantity(c, { subject: 'timeout', allow: ['time'], dflt: 'time' });
    test.timeoutMs = Math.round(q.value * 1000);
  } else if (w === 'retry') {
    c.next();
    test.retry = readCount(c, 'retry').value;
  } else if ((w === 'count' || w === 'size') && test.target.type === 'ping') {
    c.next();
    readPingOption(c, test.target, w);
  } else if (w === 'address') {
    c.unsupported(t, "a source 'address' in a connection test");
  } else if (w === 'content' && type === 'url') {
    c.next();
    test.protocol = urlContent(test.target.url, readContent(c, false), test.protocol);
  } else if (test.protocol && stream && atProtocolOption(c)) {
    readProtocolOption(c, test.protocol);
  } else return false;
  return true;
}

function readPingOption(c: Cursor, target: { count?: number; size?: number }, w: 'count' | 'size'): void {
  const { value, tok } = readCount(c, w);
  const [min, max] = w === 'count' ? [1, 20] : [8, 1492];
  if (value < min || value > max) c.report('TSM_E_VALUE', tok, `ping ${w} ${value} is out of range (${min}-${max})`);
  target[w] = value;
}

/** `url ... content = "re"`: held as the http(s) protocol's content option. */
function urlContent(url: string, content: { op: '=' | '!='; pattern: string }, previous?: ProtocolSpec): ProtocolSpec {
  const name = url.toLowerCase().startsWith('https:') ? 'https' : 'http';
  const options: ProtocolSpec['options'] = { ...previous?.options, content: content.pattern };
  if (content.op === '!=') options.contentOp = '!=';
  else delete options.contentOp;
  return { name, options };
}

export function parseConnection(c: Cursor, at: Token, polarity: Polarity): TestClause {
  const test: ConnectionTest = { kind: 'connection', target: readTarget(c) };
  while (readOption(c, test)) {
    // options in any order
  }
  return { test, polarity, at };
}
