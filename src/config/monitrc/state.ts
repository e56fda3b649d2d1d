// What parsing one monit control file (with its textual includes) builds up.
import type { AllowEntry, HeldStatements, LoadEnvironment, Limits, MailFormat, MailServer } from '../../model/config.ts';
import type { SourcePos } from '../../model/errors.ts';
import type { AlertRecipient, OnReboot } from '../../model/service.ts';
import type { IncludeRef, ServiceDraft } from '../contribution.ts';
import { Diagnostics } from '../diagnostics.ts';
import { MonitrcSyntaxError } from './cursor.ts';
import type { FileRole } from '../yaml/parse-file.ts';
import type { CommentPool } from './notes.ts';

export interface HttpdDraft {
  pos: SourcePos;
  port?: number;
  address?: string;
  cert?: string;
  key?: string;
  /** Where `ssl`/`tls` is written (a TLS listener needs a pemfile). */
  sslAt?: SourcePos;
  allow: AllowEntry[];
  /** `read-only` on the listener: every user is read-only. */
  readonly: boolean;
  unixsocket?: string;
}

/** The global `set` statements, in the order written (a later statement wins, as in monit). */
export interface Settings {
  cycleMs: number | null;
  startDelayMs?: number;
  log?: string;
  pidfile?: string;
  statefile?: string;
  onreboot?: OnReboot;
  limits: Partial<Limits>;
  httpd?: HttpdDraft;
  mailservers: MailServer[];
  alerts: AlertRecipient[];
  mailFormat?: MailFormat;
  held: HeldStatements;
}

export class ParseState {
  readonly diags = new Diagnostics();
  readonly settings: Settings = { cycleMs: null, limits: {}, mailservers: [], alerts: [], held: {} };
  readonly services: ServiceDraft[] = [];
  readonly includes: IncludeRef[] = [];
  secretsAt?: SourcePos;

  constructor(
    readonly env: LoadEnvironment,
    readonly role: FileRole,
    readonly mainFile: string,
    readonly pool: CommentPool,
  ) {}

  /** Where the first password of the main file is written (for the file-permission warning). */
  secret(pos: SourcePos): void {
    if (!this.secretsAt && pos.file === this.mainFile) this.secretsAt = pos;
  }

  /** Reports a statement error; anything else is a bug and goes on up. */
  report(e: unknown): void {
    if (!(e instanceof MonitrcSyntaxError)) throw e;
    this.diags.error(e.code, e.pos, e.message);
  }

  notActedOn(pos: SourcePos, what: string): void {
    this.diags.warn('TSM_W_NOT_ACTED_ON', pos, `${what} is kept in the configuration but tsmonit does not act on it yet`);
  }

  ignored(pos: SourcePos, what: string, why: string): void {
    this.diags.warn('TSM_W_NOT_ACTED_ON', pos, `${what} has no effect in tsmonit: ${why}`);
  }
}
