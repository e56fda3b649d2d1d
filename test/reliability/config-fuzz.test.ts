// 8. Fuzz: random mutations of valid YAML and monitrc control files. Whatever the text, loading it gives a
// configuration or clean diagnostics (a stable TSM_E_ code, a position, a message): no exception escapes.
// 1,000 cases per spelling by default; FUZZ_RUNS=N for more (FUZZ_SEED to replay a failure).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseConfigText } from '../../src/config/load.ts';
import { ERROR_CODES } from '../../src/model/errors.ts';
import type { LoadResult } from '../../src/model/config.ts';
import { testEnvironment } from '../helpers/harness.ts';
import { FIXTURES, ROOT } from '../helpers/processes.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const env = testEnvironment();
const KNOWN_CODES = new Set<string>(Object.keys(ERROR_CODES));

function seeds(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => readFileSync(`${dir}/${e.name}`, 'utf8'));
}

const YAML_SEEDS = [readFileSync(`${ROOT}monitrc.example.yml`, 'utf8'), ...seeds(`${FIXTURES}/config/good`, (n) => /\.ya?ml$/.test(n))];
const MONITRC_SEEDS = seeds(`${FIXTURES}/monitrc`, (n) => n.endsWith('.monitrc'));

/** Fragments that matter to the parsers: their punctuation, keywords, numbers and units, odd characters. */
const FRAGMENT = fc.oneof(
  fc.constantFrom(':', '- ', '{', '}', '[', ']', '"', "'", '\n', '  ', '\t', '#', '&a', '*a', '!!str ', '|', '>', '%', '@', '`', ',', '\\', '\\"', '$', '${HOST}', '\u0000', '\uFEFF', 'é', '\u{1F600}'),
  fc.constantFrom('if ', ' then ', 'failed ', 'port ', 'protocol ', 'http', 'cpu', '> ', '>= ', ' for ', ' cycles', ' within ', 'restart', 'alert', 'exec "', 'timeout', 'check process ', 'with pidfile ', 'set daemon ', 'set httpd ', 'include ', 'depends on ', 'group ', 'every ', 'checks:', 'process: ', 'rules:', 'start: ', 'daemon: ', 'httpd:', 'allow:', 'also '),
  fc.constantFrom('0', '-1', '65536', '99999999999999999999', '1.5', 'NaN', '1e309', '5 MB', '10%', '2 seconds', '* * * * *', '0x10'),
  fc.string({ maxLength: 6 }),
);

type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'truncate'; at: number };

const MUTATION: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: FRAGMENT }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), text: FRAGMENT }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
);

export function mutate(text: string, m: Mutation): string {
  const at = (n: number) => (text.length === 0 ? 0 : n % (text.length + 1));
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.length);
    case 'insert':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at));
    case 'replace':
      return text.slice(0, at(m.at)) + m.text + text.slice(at(m.at) + m.length);
    case 'duplicate-line':
      lines.splice(line(m.line), 0, lines[line(m.line)]!);
      return lines.join('\n');
    case 'swap-lines': {
      const [a, b] = [line(m.a), line(m.b)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, at(m.at));
  }
}

function assertClean(result: LoadResult, text: string): void {
  const shown = () => `\n--- input ---\n${text.slice(0, 2000)}`;
  if (result.ok) {
    assert.ok(Array.isArray(result.config.services), `a config without services${shown()}`);
    return;
  }
  assert.ok(result.errors.length > 0, `not ok but no error${shown()}`);
  for (const e of result.errors) {
    assert.equal(e.severity, 'error');
    assert.ok(KNOWN_CODES.has(e.code), `unknown code ${e.code}: ${e.message}${shown()}`);
    assert.ok(typeof e.message === 'string' && e.message.length > 0, `empty message (${e.code})${shown()}`);
    assert.ok(Number.isInteger(e.pos.line) && e.pos.line >= 1 && Number.isInteger(e.pos.col) && e.pos.col >= 1, `bad position ${JSON.stringify(e.pos)} (${e.code})${shown()}`);
    assert.doesNotMatch(e.message, /\bat [\w.]+ \(|TypeError|RangeError|undefined is not|Cannot read propert/, `an internal error leaked (${e.code}): ${e.message}${shown()}`);
  }
}

function property(seedTexts: string[], file: string) {
  return fc.property(fc.constantFrom(...seedTexts), fc.array(MUTATION, { minLength: 1, maxLength: 6 }), (seed, mutations) => {
    const text = mutations.reduce(mutate, seed);
    let result: LoadResult;
    try {
      result = parseConfigText(text, file, env);
    } catch (err) {
      assert.fail(`an exception escaped: ${err instanceof Error ? err.stack : String(err)}\n--- input ---\n${text.slice(0, 2000)}`);
    }
    assertClean(result, text);
  });
}

const params = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };

test('the seeds themselves load cleanly', () => {
  assert.ok(YAML_SEEDS.length >= 2 && MONITRC_SEEDS.length >= 5, 'enough seed files');
  for (const text of YAML_SEEDS) assertClean(parseConfigText(text, '/etc/tsmonit/monitrc.yml', env), text);
  for (const text of MONITRC_SEEDS) assertClean(parseConfigText(text, '/etc/monit/monitrc', env), text);
});

test(`mutated YAML control files (${RUNS} cases): clean errors only`, { timeout: 300_000 }, () => {
  fc.assert(property(YAML_SEEDS, '/etc/tsmonit/monitrc.yml'), params);
});

test(`mutated monitrc control files (${RUNS} cases): clean errors only`, { timeout: 300_000 }, () => {
  fc.assert(property(MONITRC_SEEDS, '/etc/monit/monitrc'), params);
});
