// Reads an HTTP/1.x response: status line, headers (a line over 8 KiB fails), and when asked the body:
// Content-Length, chunked, or until the server closes, capped at the HTTP content buffer.
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';

export interface HttpResponse {
  status: number;
  reason: string;
  headers: Map<string, string>;
  /** Present when the body was read. */
  body?: Buffer;
}

const MAX_HEADERS = 200;

async function readHead(conv: Conversation): Promise<Omit<HttpResponse, 'body'>> {
  const statusLine = await conv.readLine('the status line');
  const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})(?:\s+(.*))?$/.exec(statusLine);
  if (!m) throw new ProbeFailure(`expected an HTTP status line, got '${shown(statusLine)}'`);
  const headers = new Map<string, string>();
  for (let n = 0; ; n++) {
    const line = await conv.readLine('the response headers');
    if (line === '') break;
    if (n >= MAX_HEADERS) throw new ProbeFailure(`more than ${MAX_HEADERS} response headers`);
    const colon = line.indexOf(':');
    if (colon <= 0) throw new ProbeFailure(`a malformed response header '${shown(line)}'`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers.set(name, headers.has(name) ? `${headers.get(name)}, ${value}` : value);
  }
  return { status: Number(m[1]), reason: m[2] ?? '', headers };
}

async function readChunked(conv: Conversation, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for (;;) {
    const line = await conv.readLine('a chunk size');
    const m = /^([0-9a-fA-F]+)\s*(?:;.*)?$/.exec(line);
    if (!m) throw new ProbeFailure(`a malformed chunk size line '${shown(line)}'`);
    const length = parseInt(m[1] ?? '0', 16);
    if (length === 0) return Buffer.concat(parts);
    if (size + length > limit) {
      // Enough for the content test: keep what fits, stop reading.
      parts.push((await conv.readBytes(limit - size, 'a body chunk')));
      return Buffer.concat(parts);
    }
    parts.push(await conv.readBytes(length, 'a body chunk'));
    size += length;
    await conv.readLine('the end of a chunk');
  }
}

async function readBody(conv: Conversation, head: Omit<HttpResponse, 'body'>, limit: number): Promise<Buffer> {
  const encoding = head.headers.get('transfer-encoding')?.toLowerCase() ?? '';
  if (encoding.includes('chunked')) return readChunked(conv, limit);
  const length = head.headers.get('content-length');
  if (length !== undefined) {
    const n = Number(length);
    if (!Number.isInteger(n) || n < 0) throw new ProbeFailure(`a malformed Content-Length '${shown(length)}'`);
    return conv.readBytes(Math.min(n, limit), 'the response body');
  }
  return (await conv.readToEnd('the response body', limit)).data;
}

export async function readHttpResponse(conv: Conversation, options: { body: boolean; limit: number }): Promise<HttpResponse> {
  const head = await readHead(conv);
  if (!options.body) return head;
  return { ...head, body: await readBody(conv, head, options.limit) };
}
