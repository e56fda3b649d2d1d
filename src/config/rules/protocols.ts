// Protocol names of `protocol NAME` (monit.md 2.5) and the options each accepts after it.
// One table serves the parser and the printer.

export const PROTOCOLS = [
  'apache-status', 'clamav', 'default', 'dns', 'dwp', 'fail2ban', 'ftp', 'gps', 'http', 'https', 'imap',
  'imaps', 'ldap2', 'ldap3', 'lmtp', 'memcache', 'mongodb', 'mqtt', 'mysql', 'mysqls', 'nntp', 'ntp3',
  'pgsql', 'pop', 'pops', 'postfix-policy', 'radius', 'rdate', 'redis', 'rsync', 'sieve', 'sip', 'smtp',
  'smtps', 'spamassassin', 'ssh', 'tns', 'websocket',
] as const;

/** The name used for bare `send "..." expect "..."` pairs. */
export const GENERIC_PROTOCOL = 'generic';

/**
 * string: `request "/path"` (a word is taken as written); word: `method GET`; number: `maxforward 70`;
 * condition: `status >= 200`, `loglimit > 10%` -> {op, value}; content: `content = "re"` (`!=` adds
 * contentOp: '!='); hex: `checksum 8f3a...`; headers: `headers ["A: b", ...]` -> lines joined by \n.
 */
export type ProtocolOptionKind = 'string' | 'word' | 'number' | 'condition' | 'content' | 'hex' | 'headers';

const APACHE_LIMITS = [
  'loglimit', 'closelimit', 'dnslimit', 'keepalivelimit', 'replylimit', 'requestlimit', 'startlimit',
  'waitlimit', 'gracefullimit', 'cleanuplimit',
];

export const PROTOCOL_OPTIONS: Readonly<Record<string, ProtocolOptionKind>> = {
  request: 'string',
  method: 'word',
  status: 'condition',
  content: 'content',
  hostheader: 'string',
  username: 'string',
  password: 'string',
  database: 'string',
  secret: 'string',
  target: 'string',
  origin: 'string',
  version: 'string',
  maxforward: 'number',
  checksum: 'hex',
  headers: 'headers',
  ...Object.fromEntries(APACHE_LIMITS.map((l) => [l, 'condition' as const])),
};

/** Keys in ProtocolSpec.options that are not option keywords themselves. */
export const CONTENT_OP_KEY = 'contentOp';

export function isProtocolName(name: string): boolean {
  return (PROTOCOLS as readonly string[]).includes(name);
}
