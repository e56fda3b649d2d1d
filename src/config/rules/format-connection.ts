// The canonical text of a connection test.
import type { ConnectionTest, ProtocolOptionValue, ProtocolSpec } from '../../model/rule.ts';
import { millis, num, quote, word } from './format-values.ts';
import { CONTENT_OP_KEY, GENERIC_PROTOCOL, PROTOCOL_OPTIONS } from './protocols.ts';

function content(options: ProtocolSpec['options']): string {
  return `content ${options[CONTENT_OP_KEY] === '!=' ? '!=' : '='} ${quote(String(options.content))}`;
}

function option(key: string, value: ProtocolOptionValue, options: ProtocolSpec['options']): string | undefined {
  switch (PROTOCOL_OPTIONS[key]) {
    case 'content':
      return content(options);
    case 'condition':
      return typeof value === 'object' ? `${key} ${value.op} ${num(value.value)}` : undefined;
    case 'number':
      return `${key} ${num(Number(value))}`;
    case 'word':
    case 'hex':
      return `${key} ${word(String(value))}`;
    case 'headers':
      return `headers [${String(value).split('\n').map(quote).join(', ')}]`;
    case 'string':
      return `${key} ${quote(String(value))}`;
    default:
      return undefined;
  }
}

function protocol(p: ProtocolSpec): string[] {
  const parts = p.name === GENERIC_PROTOCOL ? [] : [`protocol ${p.name}`];
  for (const [key, value] of Object.entries(p.options)) {
    const text = option(key, value, p.options);
    if (text !== undefined) parts.push(text);
  }
  for (const step of p.sendExpect ?? []) parts.push('send' in step ? `send ${quote(step.send)}` : `expect ${quote(step.expect)}`);
  return parts;
}

function target(test: ConnectionTest): string[] {
  const t = test.target;
  switch (t.type) {
    case 'port':
      return [
        ...(t.host === undefined ? [] : [`host ${word(t.host)}`]),
        `port ${num(t.port)}`,
        ...(t.family ? [t.family] : []),
        ...(t.socket === 'tcp' ? [] : [`type ${t.socket}`]),
      ];
    case 'unix':
      return [`unixsocket ${quote(t.path)}`, ...(t.socket === 'tcp' ? [] : [`type ${t.socket}`])];
    case 'url':
      return [`url ${word(t.url)}`, ...(test.protocol?.options.content !== undefined ? [content(test.protocol.options)] : [])];
    case 'ping':
      return [
        t.family === 'ipv4' ? 'ping4' : t.family === 'ipv6' ? 'ping6' : 'ping',
        ...(t.count === undefined ? [] : [`count ${num(t.count)}`]),
        ...(t.size === undefined ? [] : [`size ${num(t.size)}`]),
      ];
  }
}

export function formatConnection(test: ConnectionTest, polarity: 'failed' | 'succeeded' = 'failed'): string {
  const parts = [polarity, ...target(test)];
  if (test.protocol && test.target.type !== 'url') parts.push(...protocol(test.protocol));
  const cert = test.certificate;
  if (cert?.validDays !== undefined) parts.push(`certificate valid > ${num(cert.validDays)} days`);
  if (cert?.checksum !== undefined) parts.push(`certificate checksum ${word(cert.checksum)}`);
  if (test.responseTime) parts.push(`responsetime ${test.responseTime.op} ${num(test.responseTime.ms)} ms`);
  if (test.timeoutMs !== undefined) parts.push(`timeout ${millis(test.timeoutMs)}`);
  if (test.retry !== undefined) parts.push(`retry ${num(test.retry)}`);
  return parts.join(' ');
}
