// Digests of a regular file, every algorithm in one read (the file is streamed, never held whole).
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { ChecksumAlgorithm } from '../../model/observation.ts';
import { errnoText } from '../errno-text.ts';

export async function fileChecksums(
  path: string,
  algorithms: readonly ChecksumAlgorithm[],
): Promise<{ checksums: Partial<Record<ChecksumAlgorithm, string>>; error?: string }> {
  if (algorithms.length === 0) return { checksums: {} };
  const hashes = new Map<ChecksumAlgorithm, Hash>(algorithms.map((a) => [a, createHash(a)]));
  try {
    for await (const chunk of createReadStream(path)) {
      for (const hash of hashes.values()) hash.update(chunk as Buffer);
    }
  } catch (error) {
    return { checksums: {}, error: errnoText(error) };
  }
  const checksums: Partial<Record<ChecksumAlgorithm, string>> = {};
  for (const [algorithm, hash] of hashes) checksums[algorithm] = hash.digest('hex');
  return { checksums };
}
