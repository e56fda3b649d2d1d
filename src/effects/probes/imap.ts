// IMAP (monit.md 2.5): a "* OK" greeting, STARTTLS when TLS is asked on port 143, then LOGOUT
// answered "* BYE". imaps is implicit TLS except on 143.
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';
import type { DialogRun, StreamProtocol } from './stream-probe.ts';

const MAX_UNTAGGED = 100;

/** Reads to the tagged completion of a command; resolves with the untagged lines and the completion. */
async function command(conv: Conversation, tag: string, text: string): Promise<{ untagged: string[]; done: string }> {
  conv.write(`${tag} ${text}\r\n`);
  const untagged: string[] = [];
  for (;;) {
    const line = await conv.readLine(`the answer to ${text}`);
    if (line.startsWith(`${tag} `)) return { untagged, done: line.slice(tag.length + 1) };
    if (untagged.length >= MAX_UNTAGGED) throw new ProbeFailure(`more than ${MAX_UNTAGGED} lines in the answer to ${text}`);
    untagged.push(line);
  }
}

async function dialog(conv: Conversation, run: DialogRun): Promise<string> {
  const greeting = await conv.readLine('the greeting');
  if (!greeting.startsWith('* OK')) throw new ProbeFailure(`the greeting was '${shown(greeting)}', expected '* OK'`);
  if (run.starttls) {
    const { done } = await command(conv, '001', 'STARTTLS');
    if (!done.startsWith('OK')) throw new ProbeFailure(`STARTTLS answered '${shown(done)}'`);
    await conv.startTls(run.servername);
  }
  const { untagged, done } = await command(conv, run.starttls ? '002' : '001', 'LOGOUT');
  if (!untagged.some((l) => l.startsWith('* BYE'))) {
    throw new ProbeFailure(`LOGOUT answered '${shown([...untagged, done].join(' / '))}', expected '* BYE'`);
  }
  return `greeting '${shown(greeting)}'${run.starttls ? ', STARTTLS' : ''}, LOGOUT accepted`;
}

export const IMAP_STARTTLS_PORTS = [143] as const;
export const imap: StreamProtocol = { label: 'IMAP', dialog, starttlsPorts: IMAP_STARTTLS_PORTS };
export const imaps: StreamProtocol = { label: 'IMAPS', dialog, alwaysTls: true, starttlsPorts: IMAP_STARTTLS_PORTS };
