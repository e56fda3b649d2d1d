// The state file's version 1 (rule histories as boolean arrays) is migrated on load to version 2 ('0'/'1' strings).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStateStore, decodeState } from '../../src/effects/state-store.ts';
import { historyString } from '../../src/effects/state-migrations.ts';
import type { PersistedState, RuleState } from '../../src/model/state.ts';

/** Written by tsmonit at bc19b3b (the last version-1 writer) after 70 cycles; 'manual' was then unmonitored. */
const REAL_V1 = String.raw`{"version":1,"bootTime":1795401299900,"savedAt":1795422421764,"services":{"process:web":{"name":"web","type":"process","monitoring":"monitored","rules":{"if does not exist then alert":{"state":"succeeded","history":[false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false],"sinceFired":0,"message":"process is running with pid 28660"},"if failed port 1 for 3 cycles then alert":{"state":"failed","history":[true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true,true],"sinceFired":69,"message":"failed protocol test [TCP] at localhost:1 -- TCP connect to localhost:1 failed: ECONNREFUSED"},"if cpu > 95% for 3 cycles then alert":{"state":"succeeded","history":[false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false],"sinceFired":0,"message":"cpu usage check succeeded [current cpu usage = 0%]"},"if changed pid then alert":{"state":"succeeded","history":[false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false,false],"sinceFired":0,"reference":28660,"message":"process PID is 28660"}},"restarts":[],"restartsTotal":0,"checks":72,"identity":{"pid":28660,"startTime":1795422407509},"actionFailures":{},"lastCheck":1795422421735},"process:manual":{"name":"manual","type":"process","monitoring":"not monitored","rules":{},"restarts":[],"restartsTotal":0,"checks":70,"identity":{"pid":28660,"startTime":1795422407509},"actionFailures":{},"lastCheck":1795422421334,"contentCursor":null}}}`;

/** The v1 file with its cpu rule's history replaced by a mixed one (a failure below the threshold, then successes). */
const MIXED_V1 = REAL_V1.replace(
  /("if cpu > 95% for 3 cycles then alert":\{"state":"succeeded","history":)\[[a-z,]*\]/,
  '$1[false,true,true,false,false,true]',
);

const FULL_FALSE = '0'.repeat(64);
const FULL_TRUE = '1'.repeat(64);

describe('state file version 1 -> 2', () => {
  let dir = '';
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'tsmonit-migrate-')); });
  after(async () => { await rm(dir, { recursive: true, force: true }); });

  async function load(text: string, name: string): Promise<PersistedState> {
    const path = join(dir, name);
    await writeFile(path, text);
    const loaded = await createStateStore(path).load();
    assert.equal(loaded.problem, undefined);
    assert.ok(loaded.state);
    return loaded.state;
  }

  test('a real version-1 file loads as version 2 with the same histories, everything else untouched', async () => {
    assert.notEqual(MIXED_V1, REAL_V1, 'the fixture substitution applied');
    const old = JSON.parse(REAL_V1) as { services: Record<string, { rules: Record<string, { history: boolean[] }> }> };
    const state = await load(`${REAL_V1}\n`, 'real-v1.json');
    assert.equal(state.version, 2);
    const web = state.services['process:web']!;
    assert.deepEqual(Object.fromEntries(Object.entries(web.rules).map(([id, r]) => [id, r.history])), {
      'if does not exist then alert': FULL_FALSE,
      'if failed port 1 for 3 cycles then alert': FULL_TRUE,
      'if cpu > 95% for 3 cycles then alert': FULL_FALSE,
      'if changed pid then alert': FULL_FALSE,
    });
    // Apart from the histories (each result in the same place) and the version, the state is the old one.
    for (const [key, service] of Object.entries(old.services)) {
      for (const [id, rule] of Object.entries(service.rules)) {
        const now = state.services[key]!.rules[id]!;
        assert.deepEqual([...now.history].map((c) => c === '1'), rule.history, `${key} ${id}`);
      }
    }
    const strip = (s: unknown) => JSON.parse(JSON.stringify(s, (k, v) => (k === 'history' || k === 'version' ? undefined : v)));
    assert.deepEqual(strip(state), strip(old));
    assert.equal(state.services['process:manual']?.monitoring, 'not monitored');
  });

  test('a mixed history keeps its order, newest first', async () => {
    const state = await load(MIXED_V1, 'mixed-v1.json');
    assert.equal(state.services['process:web']!.rules['if cpu > 95% for 3 cycles then alert']!.history, '011001');
  });

  test('a migrated file is saved as version 2 without arrays, and loads back equal', async () => {
    const state = await load(REAL_V1, 'resave.json');
    const path = join(dir, 'resave.json');
    const store = createStateStore(path);
    await store.save(state);
    const text = await readFile(path, 'utf8');
    assert.equal(JSON.parse(text).version, 2);
    assert.doesNotMatch(text, /\[(true|false)/);
    // Four histories of 64 results: about 380 bytes each as arrays, 66 as strings.
    assert.ok(text.length < REAL_V1.length * 0.6, `${text.length} vs ${REAL_V1.length} bytes`);
    assert.deepEqual((await store.load()).state, state);
  });

  test('corrupt version-1 histories become empty (or cut to 64), never a failure', () => {
    const rule = (history: unknown) => ({ state: 'failed', history, sinceFired: 1 });
    const v1 = {
      version: 1, bootTime: 1, savedAt: 2,
      services: {
        'process:a': {
          name: 'a', type: 'process', monitoring: 'monitored', restarts: [], restartsTotal: 0, checks: 1, identity: null, actionFailures: {}, lastCheck: null,
          rules: {
            missing: { state: 'init', sinceFired: 0 },
            number: rule(5),
            text: rule('1x0'),
            nulled: rule(null),
            object: rule({ 0: true }),
            numbers: rule([true, 1, false]),
            strings: rule(['true']),
            long: rule(Array.from({ length: 100 }, (_, i) => i % 3 === 0)),
            empty: rule([]),
            notARule: null,
          },
        },
        'process:b': { name: 'b', rules: 'not rules' },
        'process:c': null,
      },
    };
    const decoded = decodeState(JSON.stringify(v1));
    assert.ok('state' in decoded, JSON.stringify(decoded));
    const rules = decoded.state.services['process:a']!.rules as Record<string, RuleState | null>;
    const histories = Object.fromEntries(Object.entries(rules).map(([id, r]) => [id, r?.history ?? r]));
    assert.deepEqual(histories, {
      missing: '', number: '', text: '', nulled: '', object: '', numbers: '', strings: '',
      long: Array.from({ length: 64 }, (_, i) => (i % 3 === 0 ? '1' : '0')).join(''),
      empty: '', notARule: null,
    });
    assert.equal(rules['number']?.sinceFired, 1, 'the rest of a rule is kept');
    assert.deepEqual(decoded.state.services['process:b'], { name: 'b', rules: 'not rules' });
    assert.equal(decoded.state.services['process:c'], null);
  });

  test('version 1 without services is still the problem it was', () => {
    assert.deepEqual(decodeState('{"version":1,"bootTime":1,"savedAt":2}'), { problem: 'missing bootTime, savedAt or services' });
  });

  test('a migration given by the caller replaces the built-in one for its version', () => {
    const decoded = decodeState(REAL_V1, { 1: (old) => ({ ...old, version: 2, services: {} }) });
    assert.ok('state' in decoded);
    assert.deepEqual(decoded.state.services, {});
  });
});

describe('historyString', () => {
  const cases: Array<[unknown, string]> = [
    [[], ''],
    [[true], '1'],
    [[false, true, true], '011'],
    [[true, null], ''],
    ['10', ''],
    [undefined, ''],
  ];
  for (const [value, want] of cases) {
    test(`${JSON.stringify(value)} -> '${want}'`, () => assert.equal(historyString(value), want));
  }
});
