// MySQL/MariaDB (monit.md 2.5): the server greeting must be a protocol-10 handshake (an error packet
// fails). With a `username`, tsmonit logs in (native or caching_sha2 password, auth switch, RSA key
// for full caching_sha2 authentication) and quits; mysqls asks for TLS inside the protocol first.
import type { Conversation } from './conversation.ts';
import { ProbeFailure, shown } from './failure.ts';
import { isAuthPlugin, rsaPassword, scramble, type AuthPlugin } from './mysql-auth.ts';
import type { DialogRun, StreamProtocol } from './stream-probe.ts';

const CLIENT_LONG_PASSWORD = 0x1;
const CLIENT_PROTOCOL_41 = 0x200;
const CLIENT_SSL = 0x800;
const CLIENT_SECURE_CONNECTION = 0x8000;
const CLIENT_PLUGIN_AUTH = 0x80000;
const MAX_PACKET = 1 << 20;

interface Packet { seq: number; payload: Buffer }

export interface Greeting {
  version: string;
  capabilities: number;
  salt: Buffer;
  plugin: string;
}

async function readPacket(conv: Conversation, what: string): Promise<Packet> {
  const head = await conv.readBytes(4, what);
  const length = head.readUIntLE(0, 3);
  if (length === 0 || length > MAX_PACKET) throw new ProbeFailure(`invalid packet length ${length} ('${shown(head)}') -- not MySQL protocol`);
  return { seq: head[3] ?? 0, payload: await conv.readBytes(length, what) };
}

function packet(seq: number, payload: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUIntLE(payload.length, 0, 3);
  head[3] = seq & 0xff;
  return Buffer.concat([head, payload]);
}

function cString(buf: Buffer, at: number): { text: string; next: number } {
  const end = buf.indexOf(0, at);
  const stop = end < 0 ? buf.length : end;
  return { text: buf.subarray(at, stop).toString('latin1'), next: stop + 1 };
}

export function errorPacketText(payload: Buffer): string {
  const code = payload.length >= 3 ? payload.readUInt16LE(1) : 0;
  const rest = payload.subarray(3).toString('utf8');
  return `server error ${code}: ${rest.startsWith('#') ? rest.slice(6) : rest}`;
}

export function parseGreeting(payload: Buffer): Greeting {
  if (payload[0] === 0xff) throw new ProbeFailure(errorPacketText(payload));
  if (payload[0] !== 10) throw new ProbeFailure(`invalid protocol version ${payload[0] ?? 0} ('${shown(payload, 40)}') -- not MySQL protocol`);
  const version = cString(payload, 1);
  let at = version.next + 4; // connection id
  const part1 = payload.subarray(at, at + 8);
  at += 9; // + filler
  if (payload.length < at + 2) return { version: version.text, capabilities: 0, salt: part1, plugin: 'mysql_native_password' };
  let capabilities = payload.readUInt16LE(at);
  at += 3; // + character set
  at += 2; // status flags
  capabilities |= (payload.length >= at + 2 ? payload.readUInt16LE(at) : 0) << 16;
  at += 2;
  const authLength = payload[at] ?? 0;
  at += 11; // + reserved
  let salt = part1;
  if (capabilities & CLIENT_SECURE_CONNECTION) {
    const length = Math.max(13, authLength - 8);
    salt = Buffer.concat([part1, payload.subarray(at, at + length - 1)]); // without its NUL
    at += length;
  }
  const plugin = capabilities & CLIENT_PLUGIN_AUTH ? cString(payload, at).text : 'mysql_native_password';
  return { version: version.text, capabilities: capabilities >>> 0, salt, plugin };
}

function pluginOf(name: string): AuthPlugin {
  if (!isAuthPlugin(name)) throw new ProbeFailure(`unsupported authentication plugin '${shown(name)}'`);
  return name;
}

function clientFlags(greeting: Greeting, tls: boolean): number {
  return (CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SECURE_CONNECTION | (tls ? CLIENT_SSL : 0)
    | (greeting.capabilities & CLIENT_PLUGIN_AUTH)) >>> 0;
}

function fixedHead(flags: number): Buffer {
  const head = Buffer.alloc(32);
  head.writeUInt32LE(flags, 0);
  head.writeUInt32LE(8192, 4); // max packet
  head[8] = 8; // latin1
  return head;
}

export function handshakeResponse(greeting: Greeting, user: string, password: string, tls: boolean): Buffer {
  const plugin = pluginOf(greeting.plugin);
  const auth = scramble(plugin, password, greeting.salt);
  const parts = [fixedHead(clientFlags(greeting, tls)), Buffer.from(`${user}\0`, 'utf8'), Buffer.from([auth.length]), auth];
  if (greeting.capabilities & CLIENT_PLUGIN_AUTH) parts.push(Buffer.from(`${plugin}\0`, 'latin1'));
  return Buffer.concat(parts);
}

/** After the handshake response: auth switch, caching_sha2 more-data rounds, until OK or error. */
async function finishLogin(conv: Conversation, start: Packet, salt: Buffer, password: string): Promise<void> {
  let reply = start;
  let currentSalt = salt;
  for (let round = 0; round < 5; round++) {
    const { payload, seq } = reply;
    const next = seq + 1;
    if (payload[0] === 0x00) return;
    if (payload[0] === 0xff) throw new ProbeFailure(errorPacketText(payload));
    if (payload[0] === 0xfe) {
      const name = cString(payload, 1);
      const plugin = pluginOf(name.text);
      currentSalt = Buffer.from(cString(payload, name.next).text, 'latin1');
      conv.write(packet(next, scramble(plugin, password, currentSalt)));
    } else if (payload[0] === 0x01 && payload[1] === 0x03) {
      // fast authentication succeeded: an OK follows
    } else if (payload[0] === 0x01 && payload[1] === 0x04) {
      if (conv.tls) conv.write(packet(next, Buffer.from(`${password}\0`, 'utf8')));
      else conv.write(packet(next, Buffer.from([0x02]))); // ask for the server's RSA key
    } else if (payload[0] === 0x01 && payload.subarray(1, 11).toString('latin1') === '-----BEGIN') {
      conv.write(packet(next, rsaPassword(password, currentSalt, payload.subarray(1).toString('latin1'))));
    } else {
      throw new ProbeFailure(`unexpected answer to the login: '${shown(payload, 40)}'`);
    }
    reply = await readPacket(conv, 'the answer to the login');
  }
  throw new ProbeFailure('the login did not finish');
}

async function dialog(conv: Conversation, run: DialogRun): Promise<string> {
  const first = await readPacket(conv, 'the server greeting');
  if (first.seq > 1) throw new ProbeFailure(`invalid greeting sequence id ${first.seq} -- not MySQL protocol`);
  const greeting = parseGreeting(first.payload);
  const { username, password } = run.options;
  if (typeof username !== 'string') return `greeting from server ${greeting.version}`;
  let seq = first.seq + 1;
  if (run.starttls) {
    if (!(greeting.capabilities & CLIENT_SSL)) throw new ProbeFailure('the server does not support SSL');
    conv.write(packet(seq++, fixedHead(clientFlags(greeting, true))));
    await conv.startTls(run.servername);
  }
  const secret = typeof password === 'string' ? password : '';
  conv.write(packet(seq, handshakeResponse(greeting, username, secret, run.starttls)));
  await finishLogin(conv, await readPacket(conv, 'the answer to the login'), greeting.salt, secret);
  conv.write(packet(0, Buffer.from([0x01]))); // COM_QUIT
  return `logged in as ${username} to server ${greeting.version}`;
}

export const mysql: StreamProtocol = { label: 'MYSQL', dialog };
export const mysqls: StreamProtocol = { label: 'MYSQLS', dialog, alwaysTls: true, starttlsPorts: 'all' };
