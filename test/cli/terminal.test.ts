import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultWaitSeconds } from '../../src/cli/cmd-actions.ts';
import { procmatchText } from '../../src/cli/cmd-procmatch.ts';
import { summaryTable } from '../../src/cli/cmd-status.ts';
import { progressText } from '../../src/cli/progress.ts';
import { boxTable, paintFor, statusColour } from '../../src/cli/terminal.ts';
import { DEFAULT_LIMITS } from '../../src/model/config.ts';
import type { ProcessInfo } from '../../src/model/observation.ts';
import { summaryText } from '../../src/render/monit-text.ts';
import { MIXED, service } from './snapshots.ts';

const ESC = '\u001b';
const stripAnsi = (s: string) => s.split(ESC).map((part, i) => (i === 0 ? part : part.replace(/^\[\d+m/, ''))).join('');

describe('terminal output', () => {
  test('box table: widths from the content, heading rule, closing rule', () => {
    assert.equal(boxTable(['A', 'Long'], [['xyz', '1'], ['', '22']]), [
      '┌─────┬──────┐',
      '│ A   │ Long │',
      '├─────┼──────┤',
      '│ xyz │ 1    │',
      '│     │ 22   │',
      '└─────┴──────┘',
      '',
    ].join('\n'));
  });

  test('summary table on a terminal: the same rows as the batch summary, status coloured', () => {
    const coloured = summaryTable(MIXED, { colours: true });
    assert.ok(coloured.includes(`${ESC}[32mOK${' '.repeat(15)}${ESC}[0m`), 'OK in green, padded inside the colour');
    assert.ok(coloured.includes(`${ESC}[31mConnection failed${ESC}[0m`), 'the widest status, in red');
    const cells = (text: string) => text.split('\n').filter((l) => l.startsWith('│')).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));
    const batch = summaryText(MIXED).split('\n').slice(1, -1).map((l) => [l.slice(1, 33).trim(), l.slice(34, 61).trim(), l.slice(62).trim()]);
    assert.deepEqual(cells(stripAnsi(coloured)), batch);
    assert.equal(stripAnsi(coloured), summaryTable(MIXED, { colours: false }));
  });

  test('status colours: green ok, red failing, yellow otherwise', () => {
    assert.equal(statusColour(service('a')), 'green');
    assert.equal(statusColour(service('a', { ok: false, failures: ['nonexist'] })), 'red');
    assert.equal(statusColour(service('a', { monitoring: 'not monitored', ok: false })), 'yellow');
    assert.equal(statusColour(service('a', { pendingAction: 'restart' })), 'yellow');
    assert.equal(paintFor({ colours: false }).status('OK', service('a')), 'OK');
    assert.equal(paintFor({ colours: true }).status('OK', service('a')), '\u001b[32mOK\u001b[0m');
  });

  test('progress line', () => {
    assert.equal(progressText("stop 'web'", [], 0), "stop 'web': waiting for the daemon (0 s)");
    assert.equal(progressText("stop 'web'", [service('web', { status: 'OK - stop pending', pendingAction: 'stop' })], 3), "stop 'web': OK - stop pending (3 s)");
    assert.equal(progressText('start all', [service('a', { pendingAction: 'start' }), service('b')], 12), 'start all: 1 of 2 still pending (12 s)');
  });

  test('--wait without a value covers the daemon\'s stop and start timeouts per service, capped at an hour', () => {
    assert.equal(defaultWaitSeconds(DEFAULT_LIMITS, 1), 70);
    assert.equal(defaultWaitSeconds(DEFAULT_LIMITS, 0), 70);
    assert.equal(defaultWaitSeconds(DEFAULT_LIMITS, 3), 190);
    assert.equal(defaultWaitSeconds(DEFAULT_LIMITS, 1000), 3600);
  });

  test('procmatch: the picked process marked *, in batch and box form', () => {
    const p = (pid: number, ppid: number, cmdline: string) => ({ pid, ppid, cmdline }) as ProcessInfo;
    const a = p(10, 1, 'nginx: master');
    const result = { chosen: a, matches: [a, p(11, 10, 'nginx: worker')] };
    assert.equal(procmatchText(result, { boxes: false, colours: false }), [
      '  PID      PPID     Command',
      '* 10       1        nginx: master',
      '  11       10       nginx: worker',
      'Total matches: 2',
      '* the process a matching check picks (pid 10)',
      '',
    ].join('\n'));
    const boxed = procmatchText(result, { boxes: true, colours: false });
    assert.ok(boxed.includes('\n│ * │ 10  │ 1    │ nginx: master │\n'), boxed);
    assert.ok(boxed.includes('\n│   │ 11  │ 10   │ nginx: worker │\n'), boxed);
  });
});
