// FTP (monit.md 2.5): a 220 greeting, then QUIT answered 221.
import type { Conversation } from './conversation.ts';
import { expectCode } from './reply.ts';
import type { StreamProtocol } from './stream-probe.ts';

async function dialog(conv: Conversation): Promise<string> {
  const greeting = await expectCode(conv, [220], 'the greeting');
  conv.write('QUIT\r\n');
  await expectCode(conv, [221], 'QUIT');
  return `greeting '${greeting.lines[0] ?? ''}', QUIT accepted`;
}

export const ftp: StreamProtocol = { label: 'FTP', dialog };
