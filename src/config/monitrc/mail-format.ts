// A mail-format body (monit.md 1.4): `from:`, `reply-to:` and `subject:` take the rest of their line
// (or up to the next `key:` on it), `message:` everything up to the closing brace.
import type { MailFormat } from '../../model/config.ts';
import type { SourcePos } from '../../model/errors.ts';
import { MonitrcSyntaxError } from './cursor.ts';
import type { MToken } from './lexer.ts';

const KEYS: Record<string, keyof MailFormat> = { from: 'from', 'reply-to': 'replyTo', subject: 'subject', message: 'message' };

const NEXT_KEY = /\s(?:from|reply-to|subject|message)\s*:/i;

function lineEnd(raw: string, from: number): number {
  const nl = raw.indexOf('\n', from);
  const line = raw.slice(from, nl < 0 ? raw.length : nl);
  const next = NEXT_KEY.exec(line);
  return from + (next ? next.index : line.length);
}

export function readMailFormat(block: MToken): MailFormat {
  const raw = block.value;
  const at = (offset: number): SourcePos => block.src.pos(block.start + 1 + offset);
  const format: MailFormat = {};
  let i = 0;
  while (i < raw.length) {
    while (i < raw.length && /\s/.test(raw[i] as string)) i++;
    if (i >= raw.length) break;
    const m = /^(from|reply-to|subject|message)\s*:/i.exec(raw.slice(i));
    if (!m) throw new MonitrcSyntaxError(at(i), 'expected from:, reply-to:, subject: or message: in the mail-format block');
    const key = KEYS[(m[1] as string).toLowerCase()] as keyof MailFormat;
    i += m[0].length;
    const end = key === 'message' ? raw.length : lineEnd(raw, i);
    const value = raw.slice(i, end).trim();
    if (value === '') throw new MonitrcSyntaxError(at(i), `${m[1]}: needs a value`);
    format[key] = value;
    i = end;
  }
  return format;
}
