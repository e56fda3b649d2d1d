// Every error answer is JSON `{ statusCode, code, error, message }` (interfaces.md), with a stable code.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { TsmonitError, type ErrorCode } from '../model/errors.ts';
import type { Logger } from '../model/ports.ts';

/** An error that knows its HTTP status. */
export class HttpError extends TsmonitError {
  constructor(
    readonly statusCode: number,
    code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(code, message);
  }
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  error: string;
  message: string;
}

export function errorBody(statusCode: number, code: string, message: string): ErrorBody {
  return { statusCode, code, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

const DAEMON_STATUS: Partial<Record<ErrorCode, number>> = {
  TSM_E_UNKNOWN_SERVICE: 404,
  TSM_E_UNKNOWN_GROUP: 404,
  TSM_E_BAD_ACTION: 400,
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: 'TSM_E_HTTP_BAD_REQUEST',
  401: 'TSM_E_HTTP_UNAUTHORIZED',
  403: 'TSM_E_HTTP_FORBIDDEN',
  404: 'TSM_E_HTTP_NOT_FOUND',
  405: 'TSM_E_HTTP_METHOD',
  413: 'TSM_E_HTTP_TOO_LARGE',
  414: 'TSM_E_HTTP_URL_TOO_LONG',
  415: 'TSM_E_HTTP_MEDIA_TYPE',
  429: 'TSM_E_HTTP_TOO_MANY_LOGINS',
  431: 'TSM_E_HTTP_HEADERS_TOO_LARGE',
  503: 'TSM_E_HTTP_UNAVAILABLE',
};

/** Status and body for any error thrown while handling a request; 5xx never reveal internals. */
export function classify(err: unknown): ErrorBody {
  if (err instanceof HttpError) return errorBody(err.statusCode, err.code, err.message);
  if (err instanceof TsmonitError) {
    const status = DAEMON_STATUS[err.code];
    if (status !== undefined) return errorBody(status, err.code, err.message);
  }
  const status = (err as Partial<FastifyError> | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = CODE_BY_STATUS[status] ?? 'TSM_E_HTTP_BAD_REQUEST';
    return errorBody(status, code, (err as Error).message);
  }
  return errorBody(500, 'TSM_E_HTTP_INTERNAL', 'internal error (see the tsmonit log)');
}

export function errorHandler(logger: Logger) {
  return (err: unknown, request: FastifyRequest, reply: FastifyReply): void => {
    const body = classify(err);
    if (body.statusCode >= 500) {
      logger.error(`http: ${request.method} ${request.routeOptions.url ?? '?'} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (err instanceof HttpError) reply.headers(err.headers);
    void reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
  };
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send(errorBody(404, 'TSM_E_HTTP_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
}

const CLIENT_ERRORS: Record<string, { status: number; message: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, message: 'request line or headers too large' },
  HPE_INVALID_CONTENT_LENGTH: { status: 400, message: 'invalid Content-Length' },
  HPE_UNEXPECTED_CONTENT_LENGTH: { status: 400, message: 'invalid Content-Length' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, message: 'request timeout' },
};

/**
 * Errors Node's HTTP parser raises before fastify sees a request (over-long request line or headers,
 * a negative or overflowing Content-Length): a clean JSON answer, then the connection is closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const known = (err.code && CLIENT_ERRORS[err.code]) || { status: 400, message: 'malformed request' };
  const code = known.status === 431 ? 'TSM_E_HTTP_HEADERS_TOO_LARGE' : 'TSM_E_HTTP_BAD_REQUEST';
  const body = JSON.stringify(errorBody(known.status, code, known.message));
  socket.end(
    `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
  );
}
