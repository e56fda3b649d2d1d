// HTTP and HTTPS (monit.md 2.5): one request, then the status must satisfy `status OP N` (default:
// below 400); with `content` or `checksum` the body is read and must match.
import { createHash } from 'node:crypto';
import type { Operator, ProtocolOptionValue } from '../../model/rule.ts';
import { digestOf, normalHex } from './certificate.ts';
import { compare } from './compare.ts';
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';
import { buildHttpRequest, requestMethod } from './http-request.ts';
import { readHttpResponse, type HttpResponse } from './http-response.ts';
import type { DialogRun, StreamProtocol } from './stream-probe.ts';

export const DEFAULT_HTTP_CONTENT_BUFFER = 1_048_576;

function condition(value: ProtocolOptionValue | undefined): { op: Operator; value: number } | undefined {
  return typeof value === 'object' ? value : undefined;
}

function judgeStatus(response: HttpResponse, wanted: { op: Operator; value: number } | undefined): string {
  const seen = `${response.status}${response.reason ? ` ${response.reason}` : ''}`;
  if (wanted) {
    if (!compare(wanted.op, response.status, wanted.value)) {
      throw new ProbeFailure(`status ${seen} does not satisfy status ${wanted.op} ${wanted.value}`);
    }
  } else if (response.status >= 400) {
    throw new ProbeFailure(`the server returned status ${seen}`);
  }
  return `status ${seen}`;
}

function judgeContent(body: string, pattern: string, op: '=' | '!='): string {
  const match = new RegExp(pattern).exec(body);
  if (op === '=' && !match) throw new ProbeFailure(`content does not match '${pattern}' (body starts '${shown(body, 60)}')`);
  if (op === '!=' && match) throw new ProbeFailure(`content matches '${pattern}' ('${shown(match[0], 60)}'), expected no match`);
  return `content ${op === '=' ? 'matches' : 'does not match'} '${pattern}'`;
}

function judgeChecksum(body: Buffer, expected: string): string {
  const expect = normalHex(expected);
  const algorithm = digestOf(expect);
  if (!algorithm) throw new ProbeFailure(`checksum '${expected}' is not an md5, sha1 or sha256 digest`);
  const actual = createHash(algorithm).update(body).digest('hex');
  if (actual !== expect) throw new ProbeFailure(`document ${algorithm} checksum is ${actual}, expected ${expect}`);
  return `${algorithm} checksum matches`;
}

async function dialog(conv: Conversation, run: DialogRun): Promise<string> {
  const { options } = run;
  const content = typeof options.content === 'string' ? options.content : undefined;
  const checksum = typeof options.checksum === 'string' ? options.checksum : undefined;
  const wantBody = content !== undefined || checksum !== undefined;
  const method = requestMethod(options);
  if (wantBody && method === 'HEAD') throw new ProbeFailure('a HEAD request has no body to test content or checksum on');
  conv.write(buildHttpRequest({ options, host: run.host, port: run.port }));
  const limit = run.context.httpContentBufferBytes ?? DEFAULT_HTTP_CONTENT_BUFFER;
  const response = await readHttpResponse(conv, { body: wantBody && method !== 'HEAD', limit });
  const seen = [judgeStatus(response, condition(options.status))];
  if (wantBody) {
    const body = response.body ?? Buffer.alloc(0);
    if (body.length === 0) throw new ProbeFailure(`${seen[0]} but no content returned by the server`);
    if (content !== undefined) seen.push(judgeContent(body.toString('utf8'), content, options.contentOp === '!=' ? '!=' : '='));
    if (checksum !== undefined) seen.push(judgeChecksum(body, checksum));
  }
  return seen.join(', ');
}

export const http: StreamProtocol = { label: 'HTTP', dialog };
export const https: StreamProtocol = { label: 'HTTPS', dialog, alwaysTls: true };
