// Services as the control file declares them (both spellings give these).
import type { MailFormat } from './config.ts';
import type { SourcePos } from './errors.ts';
import type { Command, ContentIgnore, RestartLimit, Rule } from './rule.ts';

export const SERVICE_TYPES = [
  'system',
  'process',
  'file',
  'fifo',
  'directory',
  'filesystem',
  'host',
  'network',
  'program',
] as const; // monit's display order by type

export type ServiceType = (typeof SERVICE_TYPES)[number];

export type MonitorMode = 'active' | 'passive' | 'manual';
export type OnReboot = 'start' | 'nostart' | 'laststate';

export type Schedule = { kind: 'cycles'; cycles: number } | { kind: 'cron'; cron: string };

export interface AlertRecipient {
  email?: string;
  webhook?: string;
  onlyOn?: string[];
  butNotOn?: string[];
  reminder?: number;
  /** Webhook only: sent as the `X-Tsmonit-Secret` header so the receiver can tell tsmonit from strangers. */
  secret?: string;
  /** This recipient's own mail format (monit's `set alert ... with mail-format { ... }`). */
  mailFormat?: MailFormat;
}

interface ServiceCommon {
  name: string;
  pos: SourcePos;
  groups: string[];
  depends: string[];
  mode: MonitorMode;
  onreboot?: OnReboot;
  every?: Schedule;
  /** `not_every` (monit `not every "cron"`): checks are skipped while it matches. */
  notEvery?: string;
  alerts: AlertRecipient[];
  noalert: string[];
  rules: Rule[];
  restartLimits: RestartLimit[];
  ignoreContent: ContentIgnore[];
  start?: Command;
  stop?: Command;
  restart?: Command;
}

export interface ProcessSpec extends ServiceCommon {
  type: 'process';
  pidfile?: string;
  matching?: string;
}
export interface HostSpec extends ServiceCommon {
  type: 'host';
  address: string;
}
export interface SystemSpec extends ServiceCommon {
  type: 'system';
}
export interface ProgramSpec extends ServiceCommon {
  type: 'program';
  program: Command;
}
export interface PathSpec extends ServiceCommon {
  type: 'file' | 'directory' | 'fifo' | 'filesystem';
  path: string;
}
export interface NetworkSpec extends ServiceCommon {
  type: 'network';
  interface?: string;
  address?: string;
}

export type ServiceSpec = ProcessSpec | HostSpec | SystemSpec | ProgramSpec | PathSpec | NetworkSpec;
