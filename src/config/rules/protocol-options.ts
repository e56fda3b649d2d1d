// `protocol NAME` followed by its options, and bare send/expect pairs (monit.md 2.4, 2.5).
import type { ProtocolSpec } from '../../model/rule.ts';
import { valueOf, type Cursor } from './cursor.ts';
import { parseOperator } from './operators.ts';
import { CONTENT_OP_KEY, GENERIC_PROTOCOL, isProtocolName, PROTOCOL_OPTIONS, PROTOCOLS } from './protocols.ts';
import { readCount, readQuantity } from './quantity.ts';
import { readRegex } from './regex.ts';
import { readContent } from './tests-path.ts';
import type { Token } from './tokenizer.ts';

export function readProtocolName(c: Cursor, previous?: ProtocolSpec): ProtocolSpec {
  const t = c.expectValue('a protocol name');
  const name = valueOf(t).toLowerCase();
  if (!isProtocolName(name)) c.fail(`a protocol name (${PROTOCOLS.slice(0, 12).join(', ')}, ...)`, t);
  return previous?.sendExpect ? { name, options: {}, sendExpect: previous.sendExpect } : { name, options: {} };
}

/** `send "..."` / `expect "regex"`: kept in order, \0xHH escapes kept as text for the probe. */
export function readSendExpect(c: Cursor, previous?: ProtocolSpec): ProtocolSpec {
  const kind = c.next().value;
  const item = kind === 'send' ? { send: c.expectString('a string to send').value } : { expect: readRegex(c).pattern };
  const base = previous ?? { name: GENERIC_PROTOCOL, options: {} };
  return { ...base, sendExpect: [...(base.sendExpect ?? []), item] };
}

export function atProtocolOption(c: Cursor): boolean {
  const t = c.peek();
  if (t.kind !== 'word') return false;
  if (t.value === 'http' && c.peek(1).value === 'headers') return true;
  return Object.hasOwn(PROTOCOL_OPTIONS, t.value);
}

/** `[ "Host: a", "Accept: b" ]` or unquoted `[Host: a, Accept: b]`. */
function readHeaders(c: Cursor): string {
  const open = c.peek();
  if (open.kind !== 'punct' || open.text !== '[') c.fail("'['");
  c.next();
  const inner: Token[] = [];
  while (!(c.peek().kind === 'punct' && c.peek().text === ']')) {
    if (c.peek().kind === 'eof') c.fail("']'");
    inner.push(c.next());
  }
  const close = c.next();
  const lines = inner.every((t) => t.kind === 'string')
    ? inner.map((t) => t.value)
    : c.text.slice(open.end, close.start).split(',').map((h) => h.trim()).filter((h) => h !== '');
  return lines.join('\n');
}

export function readProtocolOption(c: Cursor, protocol: ProtocolSpec): void {
  if (c.at('http')) c.next();
  const key = c.next().value;
  const options = protocol.options;
  switch (PROTOCOL_OPTIONS[key]) {
    case 'string':
    case 'hex':
      options[key] = valueOf(c.expectValue(`a value for ${key}`));
      return;
    case 'word':
      options[key] = valueOf(c.expectValue(`a value for ${key}`)).toUpperCase();
      return;
    case 'number':
      options[key] = readCount(c, key).value;
      return;
    case 'condition': {
      const op = parseOperator(c);
      options[key] = { op, value: readQuantity(c, { subject: key, allow: ['none', 'percent'] }).value };
      return;
    }
    case 'content': {
      const { op, pattern } = readContent(c, false);
      options.content = pattern;
      if (op === '!=') options[CONTENT_OP_KEY] = '!=';
      else delete options[CONTENT_OP_KEY];
      return;
    }
    case 'headers':
      options[key] = readHeaders(c);
      return;
  }
}
