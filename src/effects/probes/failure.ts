// A protocol dialog stops at the first thing that is wrong by throwing this; the probe turns it into a result.

export class ProbeFailure extends Error {
  override readonly name = 'ProbeFailure';
}

/** Shows received bytes in a message: printable ASCII, NUL as \0 (monit's way), others as \xHH, cut at 80. */
export function shown(data: Buffer | string, max = 80): string {
  const text = typeof data === 'string' ? data : data.toString('latin1');
  let out = '';
  for (const ch of text.slice(0, max)) {
    const code = ch.charCodeAt(0);
    if (code === 0) out += '\\0';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\n') out += '\\n';
    else if (code < 0x20 || code >= 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return text.length > max ? `${out}...` : out;
}
