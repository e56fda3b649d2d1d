// `if failed [md5|sha1|sha256] checksum [expect HEX]` and `if changed checksum` (monit.md 2.3): without `expect`
// the first digest seen is the reference; `changed` follows every change.
import type { ChecksumAlgorithm, PathObservation } from '../model/observation.ts';
import type { Rule, Test } from '../model/rule.ts';
import { skip, type Outcome } from './outcome.ts';

type ChecksumTest = Extract<Test, { kind: 'checksum' }>;

/** The rule's algorithm, else guessed from the expected digest's length (as monit does), else MD5. */
export function checksumAlgorithm(test: Pick<ChecksumTest, 'algorithm' | 'expect'>): ChecksumAlgorithm {
  if (test.algorithm) return test.algorithm;
  switch (test.expect?.length) {
    case 40:
      return 'sha1';
    case 64:
      return 'sha256';
    default:
      return 'md5';
  }
}

/** `changed checksum` takes the algorithm of the service's `failed checksum` rule, if any. */
export function changedChecksumAlgorithm(rules: readonly Rule[]): ChecksumAlgorithm {
  const explicit = rules.find((r) => r.test.kind === 'checksum');
  return explicit && explicit.test.kind === 'checksum' ? checksumAlgorithm(explicit.test) : 'md5';
}

/** Which digests a check of this service must compute. */
export function checksumsNeeded(rules: readonly Rule[]): ChecksumAlgorithm[] {
  const out = new Set<ChecksumAlgorithm>();
  for (const r of rules) {
    if (r.test.kind === 'checksum') out.add(checksumAlgorithm(r.test));
    if (r.test.kind === 'changed' && r.test.target === 'checksum') out.add(changedChecksumAlgorithm(rules));
  }
  return [...out];
}

function digestOf(path: PathObservation, algorithm: ChecksumAlgorithm): string | Outcome {
  const digest = path.checksums[algorithm];
  if (digest !== undefined) return digest;
  if (path.stat && path.stat.kind !== 'file') return skip(`${path.path} is not a regular file: no checksum`);
  return {
    kind: 'result',
    failed: true,
    message: `checksum of ${path.path} cannot be computed${path.checksumError ? ` (${path.checksumError})` : ''}`,
  };
}

export function checksumOutcome(test: ChecksumTest, path: PathObservation, reference: string | number | null | undefined): Outcome {
  const algorithm = checksumAlgorithm(test);
  const digest = digestOf(path, algorithm);
  if (typeof digest !== 'string') return digest;
  const name = algorithm.toUpperCase();
  const expected = test.expect?.toLowerCase() ?? (typeof reference === 'string' ? reference : undefined);
  if (expected === undefined) {
    return { kind: 'result', failed: false, message: `checksum of ${path.path} is ${name} ${digest} (kept as the reference)`, reference: digest };
  }
  const failed = digest !== expected;
  const message = failed
    ? `checksum test failed for ${path.path} -- ${name} is ${digest}, expected ${expected}`
    : `checksum test succeeded for ${path.path} [${name} = ${digest}]`;
  return { kind: 'result', failed, message, figures: { checksum: digest, expected } };
}

export function changedChecksumOutcome(rules: readonly Rule[], path: PathObservation): Outcome {
  const algorithm = changedChecksumAlgorithm(rules);
  const digest = digestOf(path, algorithm);
  if (typeof digest !== 'string') return digest.kind === 'result' ? skip(digest.message) : digest;
  const name = algorithm.toUpperCase();
  return {
    kind: 'value',
    value: digest,
    message: `checksum of ${path.path} is ${name} ${digest}`,
    changeMessage: (from) => `checksum of ${path.path} changed from ${String(from)} to ${digest} (${name})`,
  };
}
