// SSH (monit.md 2.5): the server's identification line, echoed back. Lines before it are allowed
// (RFC 4253 4.2); a few are read, then the identification must come.
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';
import type { StreamProtocol } from './stream-probe.ts';

const MAX_PRE_LINES = 5;
const GRACE_MS = 300;

async function dialog(conv: Conversation): Promise<string> {
  const seen: string[] = [];
  for (let i = 0; i <= MAX_PRE_LINES; i++) {
    const line = await conv.readLine('the identification line').catch((error: unknown) => {
      if (seen.length === 0 || !(error instanceof ProbeFailure)) throw error;
      throw new ProbeFailure(`expected an 'SSH-' identification line, got '${shown(seen[0] ?? '')}' (then ${error.message})`);
    });
    if (!line.startsWith('SSH-')) {
      seen.push(line);
      continue;
    }
    conv.write(`${line}\r\n`);
    // The server answers the echo with its key exchange; waiting a moment for it spares it a
    // "connection reset" in its log. What comes is not judged.
    await conv.linger(GRACE_MS);
    return `server identifies as '${shown(line)}'`;
  }
  throw new ProbeFailure(`expected an 'SSH-' identification line, got '${shown(seen[0] ?? '')}' and ${MAX_PRE_LINES} more lines without one`);
}

export const ssh: StreamProtocol = { label: 'SSH', dialog };
