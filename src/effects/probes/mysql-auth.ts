// MySQL password scrambles for the two common plugins, and the RSA path of caching_sha2_password.
import { constants, createHash, publicEncrypt } from 'node:crypto';

function hash(algorithm: 'sha1' | 'sha256', ...parts: Buffer[]): Buffer {
  const h = createHash(algorithm);
  for (const part of parts) h.update(part);
  return h.digest();
}

function xor(a: Buffer, b: Buffer): Buffer {
  return Buffer.from(a.map((byte, i) => byte ^ (b[i % b.length] ?? 0)));
}

/** mysql_native_password: SHA1(pw) XOR SHA1(salt + SHA1(SHA1(pw))). */
export function nativeScramble(password: string, salt: Buffer): Buffer {
  const pw = hash('sha1', Buffer.from(password, 'utf8'));
  return xor(pw, hash('sha1', salt, hash('sha1', pw)));
}

/** caching_sha2_password: SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) + salt). */
export function cachingSha2Scramble(password: string, salt: Buffer): Buffer {
  const pw = hash('sha256', Buffer.from(password, 'utf8'));
  return xor(pw, hash('sha256', hash('sha256', pw), salt));
}

export const AUTH_PLUGINS = ['mysql_native_password', 'caching_sha2_password'] as const;
export type AuthPlugin = (typeof AUTH_PLUGINS)[number];

export function isAuthPlugin(name: string): name is AuthPlugin {
  return (AUTH_PLUGINS as readonly string[]).includes(name);
}

export function scramble(plugin: AuthPlugin, password: string, salt: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  return plugin === 'caching_sha2_password' ? cachingSha2Scramble(password, salt) : nativeScramble(password, salt);
}

/** Full caching_sha2 authentication without TLS: (password + NUL) XOR salt, RSA-OAEP with the server's key. */
export function rsaPassword(password: string, salt: Buffer, publicKeyPem: string): Buffer {
  const plain = xor(Buffer.from(`${password}\0`, 'utf8'), salt);
  return publicEncrypt({ key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING }, plain);
}
