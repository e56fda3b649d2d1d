// SMTP (monit.md 2.5): 220 greeting, EHLO (HELO if refused), STARTTLS when asked, AUTH when
// credentials are set, QUIT; every reply must succeed. smtps is implicit TLS except on 25 and 587.
import type { Conversation } from './conversation.ts';
import { ProbeFailure } from './failure.ts';
import { expectCode, readCodeReply, type CodeReply } from './reply.ts';
import type { DialogRun, StreamProtocol } from './stream-probe.ts';

export const SMTP_STARTTLS_PORTS = [25, 587] as const;

async function hello(conv: Conversation): Promise<CodeReply> {
  conv.write('EHLO localhost\r\n');
  const ehlo = await readCodeReply(conv, 'EHLO');
  if (ehlo.code === 250) return ehlo;
  conv.write('HELO localhost\r\n');
  return expectCode(conv, [250], 'HELO');
}

function advertises(reply: CodeReply, keyword: string): string | undefined {
  return reply.lines.map((l) => l.toUpperCase()).find((l) => l === keyword || l.startsWith(`${keyword} `));
}

async function authenticate(conv: Conversation, caps: CodeReply, user: string, password: string): Promise<string> {
  const auth = advertises(caps, 'AUTH') ?? '';
  if (/\bLOGIN\b/.test(auth) && !/\bPLAIN\b/.test(auth)) {
    conv.write('AUTH LOGIN\r\n');
    await expectCode(conv, [334], 'AUTH LOGIN');
    conv.write(`${Buffer.from(user).toString('base64')}\r\n`);
    await expectCode(conv, [334], 'the AUTH LOGIN user name');
    conv.write(`${Buffer.from(password).toString('base64')}\r\n`);
    await expectCode(conv, [235], 'the AUTH LOGIN password');
    return 'AUTH LOGIN';
  }
  conv.write(`AUTH PLAIN ${Buffer.from(`\0${user}\0${password}`).toString('base64')}\r\n`);
  await expectCode(conv, [235], 'AUTH PLAIN');
  return 'AUTH PLAIN';
}

async function dialog(conv: Conversation, run: DialogRun): Promise<string> {
  const greeting = await expectCode(conv, [220], 'the greeting');
  let caps = await hello(conv);
  const steps = ['EHLO'];
  if (run.starttls) {
    if (!advertises(caps, 'STARTTLS')) throw new ProbeFailure('the server does not offer STARTTLS');
    conv.write('STARTTLS\r\n');
    await expectCode(conv, [220], 'STARTTLS');
    await conv.startTls(run.servername);
    caps = await hello(conv);
    steps.push('STARTTLS');
  }
  const { username, password } = run.options;
  if (typeof username === 'string') steps.push(await authenticate(conv, caps, username, typeof password === 'string' ? password : ''));
  conv.write('QUIT\r\n');
  await expectCode(conv, [221], 'QUIT');
  return `greeting '${greeting.lines[0] ?? ''}', ${steps.join(', ')} and QUIT accepted`;
}

export const smtp: StreamProtocol = { label: 'SMTP', dialog, starttlsPorts: SMTP_STARTTLS_PORTS };
export const smtps: StreamProtocol = { label: 'SMTPS', dialog, alwaysTls: true, starttlsPorts: SMTP_STARTTLS_PORTS };
