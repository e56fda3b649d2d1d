// An alert as a mail: monit's defaults, its variables, and the evidence (rule, figures, program output).
import type { MailFormat } from '../model/config.ts';
import type { MailMessage } from '../model/ports.ts';
import { eventName, figuresInWords, lastLines, type AlertEvent } from './alerts-event.ts';

export const DEFAULT_FROM = 'monit@$HOST';
// monit's subject, two spaces and all: mail filters written for monit keep working.
export const DEFAULT_SUBJECT = 'monit alert --  $EVENT $SERVICE';
export const DEFAULT_MESSAGE = [
  '$EVENT Service $SERVICE ',
  '',
  '\tDate:        $DATE',
  '\tAction:      $ACTION',
  '\tHost:        $HOST',
  '\tDescription: $DESCRIPTION',
  '',
  'Your faithful employee,',
  'tsmonit',
  '',
].join('\n');

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

/** RFC 2822 in local time, as monit prints $DATE: `Tue, 05 Mar 2024 10:00:00 +0100`. */
export function mailDate(iso: string): string {
  const d = new Date(iso);
  const offset = -d.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const zone = `${sign}${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  return `${DAYS[d.getDay()]}, ${two(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${time} ${zone}`;
}

export function mailVariables(event: AlertEvent, host: string): Record<string, string> {
  return {
    EVENT: eventName(event.kind, event.state),
    SERVICE: event.service,
    DATE: mailDate(event.time),
    HOST: host,
    ACTION: event.action ?? 'alert',
    DESCRIPTION: event.message,
    RULE: event.rule ?? '',
    FIGURES: figuresInWords(event.figures),
    OUTPUT: lastLines(event.output),
  };
}

/** One pass, so a value that contains `$HOST` is not substituted again. */
export function substitute(template: string, vars: Record<string, string>): string {
  return template.replace(/\$(DESCRIPTION|SERVICE|FIGURES|ACTION|OUTPUT|EVENT|DATE|HOST|RULE)/g, (_, name: string) => vars[name] ?? '');
}

const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ').trim();

/** The evidence monit's message lacks; only under the default message (a custom one uses $RULE, $FIGURES, $OUTPUT). */
function evidence(vars: Record<string, string>): string {
  const lines: string[] = [];
  if (vars.RULE) lines.push(`\tRule:        ${vars.RULE}`);
  if (vars.FIGURES) lines.push(`\tFigures:     ${vars.FIGURES}`);
  if (vars.OUTPUT) lines.push('', 'Program output (last lines):', ...vars.OUTPUT.split('\n').map((l) => `\t${l}`));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function defaultBody(vars: Record<string, string>): string {
  const body = substitute(DEFAULT_MESSAGE, vars);
  const marker = '\nYour faithful employee,';
  const at = body.indexOf(marker);
  const extra = evidence(vars);
  return extra ? `${body.slice(0, at)}${extra}${body.slice(at)}` : body;
}

export interface MailRequest {
  event: AlertEvent;
  host: string;
  to: string;
  alertId: string;
  /** The recipient's own format, then the global one; missing fields take monit's defaults. */
  formats: Array<MailFormat | undefined>;
}

export function renderMail(req: MailRequest): MailMessage {
  const pick = (field: keyof MailFormat): string | undefined => req.formats.find((f) => f?.[field] !== undefined)?.[field];
  const vars = mailVariables(req.event, req.host);
  const message = pick('message');
  const replyTo = pick('replyTo');
  const headers: Record<string, string> = {
    'X-Auto-Response-Suppress': 'All',
    Precedence: 'bulk',
    'X-Tsmonit-Alert-Id': req.alertId,
  };
  if (req.event.reminder !== undefined) headers['X-Tsmonit-Reminder'] = String(req.event.reminder);
  const mail: MailMessage = {
    from: oneLine(substitute(pick('from') ?? DEFAULT_FROM, vars)),
    to: req.to,
    subject: oneLine(substitute(pick('subject') ?? DEFAULT_SUBJECT, vars)),
    text: message === undefined ? defaultBody(vars) : substitute(message, vars),
    date: req.event.time,
    headers,
    messageId: `<${req.alertId}@${oneLine(req.host) || 'localhost'}>`,
  };
  if (replyTo !== undefined) mail.replyTo = oneLine(substitute(replyTo, vars));
  return mail;
}
