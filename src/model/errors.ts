// The error catalogue: every code is stable and never reused (fastify's habit).
// Config diagnostics print as `FILE:LINE:COL: message (CODE)`.

export const ERROR_CODES = {
  // control file
  TSM_E_FILE_READ: 'the control file cannot be read',
  TSM_E_YAML_SYNTAX: 'YAML syntax error',
  TSM_E_UNKNOWN_KEY: 'unknown key',
  TSM_E_TYPE: 'a value has the wrong type',
  TSM_E_REQUIRED: 'a required key is missing',
  TSM_E_VALUE: 'a value is out of range or not allowed',
  TSM_E_DURATION: 'not a duration',
  TSM_E_SIZE: 'not a size',
  TSM_E_CHECK_TYPE: 'a check needs exactly one type key',
  TSM_E_DUPLICATE_SERVICE: 'two services have the same name',
  TSM_E_SERVICE_NAME: 'a service name is not allowed',
  TSM_E_UNKNOWN_DEPENDENCY: 'depends names an unknown service',
  TSM_E_DEPENDENCY_CYCLE: 'the dependencies form a cycle',
  TSM_E_RULE_SYNTAX: 'a rule does not parse',
  TSM_E_RULE_UNIT: 'a unit does not fit the test',
  TSM_E_RULE_NOT_FOR_TYPE: 'a test does not apply to this check type',
  TSM_E_RULE_RATE: 'a rate is out of range (1 <= X <= Y <= 64)',
  TSM_E_REGEX: 'a regular expression does not compile',
  TSM_E_CRON: 'a cron string is not valid',
  TSM_E_COMMAND: 'a program command line is not valid',
  TSM_E_INCLUDE: 'an include cannot be read',
  TSM_E_HTTPD: 'the httpd section is not valid',
  TSM_E_UNSUPPORTED: 'tsmonit cannot carry this out yet',
  TSM_E_MONITRC_SYNTAX: 'monit control file syntax error',
  // warnings
  TSM_W_NOT_ACTED_ON: 'accepted but tsmonit does not act on it yet',
  TSM_W_PERMISSIONS: 'the control file holds passwords and is readable by others',
  TSM_W_INCLUDE_EMPTY: 'an include pattern matched no file',
  TSM_W_INCLUDE_LOOP: 'a file is included a second time (an include loop); skipped',
  TSM_W_NO_TLS: 'a non-loopback listener without ssl',
  TSM_W_MONIT_KEYWORD: 'an unquoted value is a monit keyword (monit refuses it unquoted); accepted',
  // runtime
  TSM_E_UNKNOWN_SERVICE: 'no service of that name',
  TSM_E_UNKNOWN_GROUP: 'no group of that name',
  TSM_E_BAD_ACTION: 'not an action',
  TSM_E_ACTION_FAILED: 'the action failed',
  TSM_E_ACTION_TIMEOUT: 'the action timed out',
  TSM_E_ALREADY_RUNNING: 'another tsmonit is running',
  TSM_E_STATE_FILE: 'the state file cannot be read or written',
  // web server and API (src/http); each maps to one HTTP status
  TSM_E_HTTP_BAD_REQUEST: 'the request is malformed',
  TSM_E_HTTP_UNAUTHORIZED: 'missing or wrong credentials',
  TSM_E_HTTP_FORBIDDEN: 'the client address is not in the allow list',
  TSM_E_HTTP_READ_ONLY: 'a read-only user cannot change anything',
  TSM_E_HTTP_CSRF: 'a browser request from another site or without a valid CSRF token',
  TSM_E_HTTP_NOT_FOUND: 'no such route',
  TSM_E_HTTP_METHOD: 'the method is not allowed on this route',
  TSM_E_HTTP_TOO_LARGE: 'the request body is too large',
  TSM_E_HTTP_URL_TOO_LONG: 'the URL is too long',
  TSM_E_HTTP_MEDIA_TYPE: 'the request body has an unsupported content type',
  TSM_E_HTTP_TOO_MANY_LOGINS: 'too many failed logins from this address',
  TSM_E_HTTP_HEADERS_TOO_LARGE: 'the request headers are too large or too many',
  TSM_E_HTTP_UNAVAILABLE: 'the server cannot take this request now',
  TSM_E_HTTP_INTERNAL: 'an internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface SourcePos {
  file: string;
  line: number; // 1-based
  col: number; // 1-based
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  code: ErrorCode;
  message: string;
  pos: SourcePos;
}

export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.pos.file}:${d.pos.line}:${d.pos.col}`;
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${prefix}${d.message} (${d.code})`;
}

/** An error with a stable code, for everything that is not a config diagnostic. */
export class TsmonitError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'TsmonitError';
    this.code = code;
  }
}
