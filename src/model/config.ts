// The whole validated control file. Produced by config/, frozen, read by everything else.
import type { Diagnostic, SourcePos } from './errors.ts';
import type { OnReboot, ServiceSpec } from './service.ts';
import type { AlertRecipient } from './service.ts';

export interface Limits {
  startTimeoutMs: number;
  stopTimeoutMs: number;
  restartTimeoutMs: number;
  execTimeoutMs: number; // 0 = unlimited
  programTimeoutMs: number;
  networkTimeoutMs: number;
  programOutputBytes: number;
  sendExpectBufferBytes: number;
  fileContentBufferBytes: number;
  httpContentBufferBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  startTimeoutMs: 30_000,
  stopTimeoutMs: 30_000,
  restartTimeoutMs: 30_000,
  execTimeoutMs: 30_000,
  programTimeoutMs: 300_000,
  networkTimeoutMs: 5_000,
  programOutputBytes: 512,
  sendExpectBufferBytes: 256,
  fileContentBufferBytes: 512,
  httpContentBufferBytes: 1_048_576,
};

export type AllowEntry =
  | { kind: 'host'; value: string }
  | { kind: 'user'; user: string; password: string; readonly: boolean }
  | { kind: 'htpasswd'; path: string; readonly: boolean };

export interface HttpdConfig {
  port: number;
  address: string;
  ssl?: { cert: string; key: string };
  allow: AllowEntry[];
  loginLimit: number; // failed logins a minute per address
  pos: SourcePos;
}

export interface MailServer {
  host: string;
  port: number;
  username?: string;
  password?: string;
  /** true: TLS required (implicit TLS, or STARTTLS on ports 25 and 587, as monit does); unset: STARTTLS when offered. */
  tls?: boolean;
  timeoutMs?: number;
  /** Name given in EHLO (monit's `using hostname`); default: this host's name. */
  ehlo?: string;
  /** Verify the server's certificate; default: when `tls` is true (opportunistic STARTTLS never verifies, as monit). */
  verify?: boolean;
}

export interface MailFormat {
  from?: string;
  replyTo?: string;
  subject?: string;
  message?: string;
}

/** Global statements held in the model but not acted on yet (each is warned about). */
export interface HeldStatements {
  idfile?: string;
  eventqueue?: { basedir?: string; slots?: number };
  mmonit?: unknown;
  ssl?: unknown;
  /** monit's `set log syslog facility log_local0`. */
  logFacility?: string;
  /** monit's `set terminal batch`. */
  terminal?: 'batch';
  /** monit's `set fips`. */
  fips?: boolean;
}

export interface Config {
  /** The main control file and every file included from it. */
  files: string[];
  /** Cycle length; null: one pass and exit (a monitrc without `set daemon`). */
  cycleMs: number | null;
  startDelayMs: number;
  log: string; // 'stdout' | 'syslog' | a path
  pidfile?: string;
  controlSocket: string | false;
  statefile: string;
  onreboot: OnReboot;
  limits: Limits;
  include: string[];
  httpd?: HttpdConfig;
  mailservers: MailServer[];
  alerts: AlertRecipient[];
  mailFormat?: MailFormat;
  held: HeldStatements;
  services: ServiceSpec[];
}

/** What the loaders need from the environment (config/ never reads process.env itself). */
export interface LoadEnvironment {
  home: string;
  isRoot: boolean;
  hostname: string;
  cwd: string;
}

export type LoadResult =
  | { ok: true; config: Config; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };
