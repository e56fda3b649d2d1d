// Numbered replies of SMTP and FTP: "250 ok", or "250-first" ... "250 last".
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';

export interface CodeReply {
  code: number;
  /** All lines, codes stripped, joined by ' / '. */
  text: string;
  lines: string[];
}

const MAX_LINES = 100;

export async function readCodeReply(conv: Conversation, what: string): Promise<CodeReply> {
  const first = await conv.readLine(what);
  const m = /^(\d{3})([ -]?)(.*)$/.exec(first);
  if (!m) throw new ProbeFailure(`expected a numbered reply to ${what}, got '${shown(first)}'`);
  const code = Number(m[1]);
  const lines = [m[3] ?? ''];
  let more = m[2] === '-';
  // FTP lets inner lines of a multi-line reply be anything; the reply ends at "CODE " (RFC 959).
  while (more) {
    if (lines.length > MAX_LINES) throw new ProbeFailure(`a reply of more than ${MAX_LINES} lines to ${what}`);
    const line = await conv.readLine(`the rest of ${what} after '${shown(lines.join(' / '), 60)}'`);
    const n = new RegExp(`^${m[1]}([ -]?)(.*)$`).exec(line);
    lines.push(n ? n[2] ?? '' : line);
    more = !n || n[1] === '-';
  }
  return { code, text: lines.join(' / '), lines };
}

/** Reads a reply and fails unless its code is one of wanted. */
export async function expectCode(conv: Conversation, wanted: readonly number[], what: string): Promise<CodeReply> {
  const reply = await readCodeReply(conv, what);
  if (!wanted.includes(reply.code)) {
    throw new ProbeFailure(`${what} answered ${reply.code} '${shown(reply.text)}', expected ${wanted.join(' or ')}`);
  }
  return reply;
}
