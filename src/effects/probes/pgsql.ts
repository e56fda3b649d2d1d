// PostgreSQL (monit.md 2.5): a startup message (user and database default to root, as monit), then
// the authentication answer. AuthenticationOk then ReadyForQuery passes; cleartext and MD5 passwords
// are answered when configured; methods tsmonit does not speak (SCRAM, GSS) and a request for a
// password none was configured for mean the server is alive: pass. An error passes only when no user
// or database was configured (monit's "alive" rule); with them configured it fails.
import { createHash } from 'node:crypto';
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';
import type { DialogRun, StreamProtocol } from './stream-probe.ts';

const PROTOCOL_3_0 = 196_608;
const MAX_MESSAGE = 65_536;
const MAX_STARTUP_MESSAGES = 100;

export function startupMessage(user: string, database: string): Buffer {
  const body = Buffer.from(`user\0${user}\0database\0${database}\0\0`, 'utf8');
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + body.length, 0);
  head.writeInt32BE(PROTOCOL_3_0, 4);
  return Buffer.concat([head, body]);
}

function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

export function md5Password(user: string, password: string, salt: Buffer): string {
  const inner = createHash('md5').update(password + user).digest('hex');
  return `md5${createHash('md5').update(Buffer.concat([Buffer.from(inner), salt])).digest('hex')}`;
}

async function readMessage(conv: Conversation, what: string): Promise<{ type: string; body: Buffer }> {
  const head = await conv.readBytes(5, what);
  const type = String.fromCharCode(head[0] ?? 0);
  const length = head.readInt32BE(1);
  if (!/[A-Za-z]/.test(type) || length < 4 || length > MAX_MESSAGE) {
    throw new ProbeFailure(`not a PostgreSQL message: '${shown(head)}'`);
  }
  return { type, body: await conv.readBytes(length - 4, what) };
}

/** The human part of an ErrorResponse: "FATAL 28000 role "x" does not exist". */
export function errorText(body: Buffer): string {
  const fields = new Map<string, string>();
  for (const field of body.toString('utf8').split('\0')) if (field.length > 1) fields.set(field[0] ?? '', field.slice(1));
  return [fields.get('S'), fields.get('C'), fields.get('M')].filter((f) => f !== undefined).join(' ');
}

/** After AuthenticationOk the server still checks the role and database: wait for ReadyForQuery. */
async function readyAfterAuth(conv: Conversation, user: string, configured: boolean): Promise<string> {
  for (let n = 0; n < MAX_STARTUP_MESSAGES; n++) {
    const { type, body } = await readMessage(conv, 'the end of the startup');
    if (type === 'Z') {
      conv.write(message('X', Buffer.alloc(0)));
      return `authenticated as ${user}`;
    }
    if (type === 'E') {
      if (!configured) return `server alive (it answered: ${errorText(body)})`;
      throw new ProbeFailure(`server error: ${errorText(body)}`);
    }
  }
  throw new ProbeFailure(`no ReadyForQuery within ${MAX_STARTUP_MESSAGES} messages`);
}

const UNSPOKEN: Readonly<Record<number, string>> = { 2: 'Kerberos', 7: 'GSSAPI', 9: 'SSPI', 10: 'SASL (SCRAM)' };

async function dialog(conv: Conversation, run: DialogRun): Promise<string> {
  const { username, password, database } = run.options;
  const configured = typeof username === 'string' || typeof database === 'string';
  const user = typeof username === 'string' ? username : 'root';
  conv.write(startupMessage(user, typeof database === 'string' ? database : 'root'));
  for (let round = 0; round < 3; round++) {
    const { type, body } = await readMessage(conv, 'the answer to the startup message');
    if (type === 'E') {
      if (!configured) return `server alive (it answered: ${errorText(body)})`;
      throw new ProbeFailure(`server error: ${errorText(body)}`);
    }
    if (type !== 'R') throw new ProbeFailure(`unexpected message '${type}' instead of an authentication request`);
    const code = body.readInt32BE(0);
    if (code === 0) return readyAfterAuth(conv, user, configured);
    if (UNSPOKEN[code]) return `server alive (it asks for ${UNSPOKEN[code]} authentication, which tsmonit does not speak)`;
    if (code !== 3 && code !== 5) throw new ProbeFailure(`unknown authentication request ${code}`);
    if (typeof password !== 'string') return 'server alive (it asks for a password; none is configured)';
    const answer = code === 3 ? password : md5Password(user, password, body.subarray(4, 8));
    conv.write(message('p', Buffer.from(`${answer}\0`, 'utf8')));
  }
  throw new ProbeFailure('authentication did not finish');
}

export const pgsql: StreamProtocol = { label: 'PGSQL', dialog };
