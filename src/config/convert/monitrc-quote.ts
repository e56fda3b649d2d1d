// Strings in a monit control file: always double-quoted, with the escapes the monit lexer reads back.
export function q(s: string): string {
  const body = s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return `"${body}"`;
}

/** A uid/gid: a number as digits, a name quoted (so a name of digits stays a name). */
export function idText(id: string | number): string {
  return typeof id === 'number' ? String(id) : q(id);
}
