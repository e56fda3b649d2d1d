// `send "..."` / `expect "..."` strings keep \0xHH escapes as text (the config parser leaves them);
// here they become bytes (send) or regex escapes (expect).

const HEX_ESCAPE = /\\0x([0-9a-fA-F]{2})/g;

/** The bytes a `send` string stands for: text as UTF-8, each \0xHH as that byte. */
export function sendBytes(text: string): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of text.matchAll(HEX_ESCAPE)) {
    parts.push(Buffer.from(text.slice(last, m.index), 'utf8'), Buffer.from([parseInt(m[1] ?? '0', 16)]));
    last = (m.index ?? 0) + m[0].length;
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

/**
 * An `expect` pattern as a RegExp over received data shown by expectText(): \0xHH matches that byte,
 * \0x00 matches the two characters \0 that stand for a NUL (monit shows NUL that way).
 */
export function expectRegExp(pattern: string): RegExp {
  return new RegExp(pattern.replace(HEX_ESCAPE, (_, hex: string) => (hex === '00' ? '\\\\0' : `\\x${hex}`)));
}

/** Received bytes as text for matching: byte = character, NUL as the two characters \0. */
export function expectText(data: Buffer): string {
  return data.toString('latin1').replaceAll('\0', '\\0');
}
