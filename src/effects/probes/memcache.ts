// memcached (monit.md 2.5): a binary-protocol NOOP; the answer is 24 bytes, magic 0x81, status 0.
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';
import type { StreamProtocol } from './stream-probe.ts';

const HEADER = 24;
const REQUEST_MAGIC = 0x80;
const RESPONSE_MAGIC = 0x81;
const NOOP = 0x0a;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  0x01: 'key not found', 0x02: 'key exists', 0x03: 'value too large', 0x04: 'invalid arguments',
  0x05: 'item not stored', 0x06: 'incr/decr on a non-numeric value', 0x07: 'vbucket belongs to another server',
  0x08: 'authentication error', 0x09: 'authentication continue', 0x81: 'unknown command', 0x82: 'out of memory',
  0x83: 'not supported', 0x84: 'internal error', 0x85: 'busy', 0x86: 'temporary failure',
};

export function noopRequest(): Buffer {
  const request = Buffer.alloc(HEADER);
  request[0] = REQUEST_MAGIC;
  request[1] = NOOP;
  return request;
}

async function dialog(conv: Conversation): Promise<string> {
  conv.write(noopRequest());
  const answer = await conv.readBytes(HEADER, 'the 24-byte answer to NOOP');
  if (answer[0] !== RESPONSE_MAGIC) {
    throw new ProbeFailure(`the answer to NOOP starts with 0x${(answer[0] ?? 0).toString(16)}, not 0x81 ('${shown(answer, 24)}')`);
  }
  const status = answer.readUInt16BE(6);
  if (status !== 0) {
    throw new ProbeFailure(`NOOP answered status 0x${status.toString(16)} (${STATUS_TEXT[status] ?? 'unknown status'})`);
  }
  return 'NOOP answered';
}

export const memcache: StreamProtocol = { label: 'MEMCACHE', dialog };
