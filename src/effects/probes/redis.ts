// Redis (monit.md 2.5): PING as a RESP array; +PONG passes, and so does -NOAUTH (alive, wants a
// password). Then QUIT.
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';
import type { StreamProtocol } from './stream-probe.ts';

async function dialog(conv: Conversation): Promise<string> {
  conv.write('*1\r\n$4\r\nPING\r\n');
  const reply = await conv.readLine('the answer to PING');
  if (!reply.startsWith('+PONG') && !reply.startsWith('-NOAUTH')) {
    throw new ProbeFailure(`PING answered '${shown(reply)}', expected +PONG`);
  }
  conv.write('*1\r\n$4\r\nQUIT\r\n');
  await conv.linger(100);
  return reply.startsWith('+PONG') ? 'PING answered +PONG' : `PING answered '${shown(reply)}' (alive, needs a password)`;
}

export const redis: StreamProtocol = { label: 'REDIS', dialog };
