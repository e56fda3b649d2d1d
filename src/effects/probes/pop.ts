// POP3 (monit.md 2.5): an +OK greeting, then QUIT answered +OK. pops is implicit TLS.
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';
import type { StreamProtocol } from './stream-probe.ts';

async function expectOk(conv: Conversation, what: string): Promise<string> {
  const line = await conv.readLine(what);
  if (!line.startsWith('+OK')) throw new ProbeFailure(`${what} was '${shown(line)}', expected +OK`);
  return line;
}

async function dialog(conv: Conversation): Promise<string> {
  const greeting = await expectOk(conv, 'the greeting');
  conv.write('QUIT\r\n');
  await expectOk(conv, 'the answer to QUIT');
  return `greeting '${shown(greeting)}', QUIT accepted`;
}

export const pop: StreamProtocol = { label: 'POP', dialog };
export const pops: StreamProtocol = { label: 'POPS', dialog, alwaysTls: true };
