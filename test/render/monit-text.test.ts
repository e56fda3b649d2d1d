// monit's text layouts (monit.md 5.3), exactly, for a process, a remote host, a system, and the states.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reportText, statusText, summaryText, type Paint } from '../../src/render/monit-text.ts';
import { MIXED } from '../cli/snapshots.ts';

describe('monit text layouts', () => {
  test('summary: header, monit\'s columns, services by type (System, Process, Remote Host, Program)', () => {
    assert.equal(summaryText(MIXED), [
      'tsmonit 0.1.0 uptime: 1h 2m',
      ' Service Name                     Status                      Type',
      ' box                              OK                          System',
      ' web                              OK                          Process',
      ' cron                             Not monitored               Process',
      ' api                              Connection failed           Remote Host',
      ' job                              Initializing                Program',
      '',
    ].join('\n'));
  });

  test('status: a block per service, two columns, unavailable values as -', () => {
    const text = statusText(MIXED);
    const blocks = text.split('\n\n');
    assert.equal(blocks[0], 'tsmonit 0.1.0 uptime: 1h 2m');
    assert.equal(blocks[1], [
      "System 'box'",
      '  status                           OK',
      '  monitoring status                Monitored',
      '  monitoring mode                  active',
      '  on reboot                        start',
      '  load average                     [0.50]  [1.25]  [2.00]',
      '  cpu                              3.0%usr 1.5%sys 0.0%wa',
      '  memory usage                     2.0 GB [25.0%]',
      '  swap usage                       0 B [0.0%]',
      '  uptime                           3d 2h 0m',
      '  data collected                   2026-01-02T03:04:05.000Z',
    ].join('\n'));
    assert.equal(blocks[2], [
      "Process 'web'",
      '  status                           OK',
      '  monitoring status                Monitored',
      '  monitoring mode                  active',
      '  on reboot                        start',
      '  pid                              4242',
      '  parent pid                       1',
      '  uptime                           1d 1h 0m',
      '  threads                          4',
      '  children                         2',
      '  cpu                              1.3%',
      '  cpu total                        2.5%',
      '  memory                           0.5% [10.0 MB]',
      '  memory total                     11.0 MB',
      '  port response time               0.250 ms to localhost:80 type TCP protocol HTTP',
      '  data collected                   2026-01-02T03:04:05.000Z',
    ].join('\n'));
    assert.match(blocks[3]!, /^Process 'cron'\n {2}status {27}Not monitored\n {2}monitoring status {16}Not monitored$/m);
    assert.match(blocks[4]!, /^ {2}port response time {15}FAILED to 10\.0\.0\.1:443 type TCP protocol DEFAULT$/m);
    assert.ok(text.endsWith('\n') && !text.endsWith('\n\n'));
  });

  test('report: counts with shares; a type prints the number', () => {
    assert.equal(reportText(MIXED.services), [
      'up:             2 (40.0%)', 'down:           1 (20.0%)', 'initialising:   1 (20.0%)',
      'unmonitored:    1 (20.0%)', 'total:          5 services', '',
    ].join('\n'));
    assert.equal(reportText(MIXED.services, 'down'), '1\n');
    assert.equal(reportText([]), reportText([]).replace(/\(0\.0%\)/g, '(0.0%)'));
    assert.match(reportText([]), /^up: {13}0 \(0\.0%\)$/m);
  });

  test('a paint colours values without moving anything', () => {
    const paint: Paint = { heading: (t) => `<${t}>`, status: (t, s) => `[${s.name}:${t}]` };
    const painted = statusText(MIXED, paint);
    assert.match(painted, /^<Process 'web'>$/m);
    assert.match(painted, /^ {2}status {27}\[web:OK\]$/m);
    assert.equal(painted.replace(/<([^>]*)>/g, '$1').replace(/\[\w+:([^\]]*)\]/g, '$1'), statusText(MIXED));
  });
});
