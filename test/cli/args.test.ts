import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseArgs, type ParsedArgs } from '../../src/cli/args.ts';

const base = { kind: 'command', verbose: false, batch: false, json: false } as const;

describe('parseArgs', () => {
  const cases: Array<[string[], ParsedArgs]> = [
    [[], { kind: 'daemon', verbose: false, test: false }],
    [['-c', 'x.yml', '-d', '5', '-l', 'syslog', '-v', '-I'], { kind: 'daemon', config: 'x.yml', cycleSeconds: 5, logfile: 'syslog', verbose: true, test: false }],
    [['--conf=x.yml', '-t'], { kind: 'daemon', config: 'x.yml', verbose: false, test: true }],
    [['-h'], { kind: 'help' }],
    [['status', '--version'], { kind: 'version' }],
    [['status'], { ...base, command: { name: 'status' } }],
    [['status', 'web', '--json'], { ...base, json: true, command: { name: 'status', pattern: 'web' } }],
    [['-g', 'www', 'summary', '-B'], { ...base, batch: true, group: 'www', command: { name: 'summary' } }],
    [['summary', '--group=www'], { ...base, group: 'www', command: { name: 'summary' } }],
    [['report'], { ...base, command: { name: 'report' } }],
    [['report', 'initialising'], { ...base, command: { name: 'report', type: 'initializing' } }],
    [['report', 'UP'], { ...base, command: { name: 'report', type: 'up' } }],
    [['start', 'web'], { ...base, command: { name: 'action', action: 'start', pattern: 'web' } }],
    [['stop', 'all', '--wait'], { ...base, waitSeconds: null, command: { name: 'action', action: 'stop', pattern: 'all' } }],
    [['restart', 'web', '--wait=2.5'], { ...base, waitSeconds: 2.5, command: { name: 'action', action: 'restart', pattern: 'web' } }],
    [['-g', 'www', 'unmonitor'], { ...base, group: 'www', command: { name: 'action', action: 'unmonitor' } }],
    [['-g', 'www', 'monitor', 'all'], { ...base, group: 'www', command: { name: 'action', action: 'monitor' } }],
    [['-c', 'f', 'reload'], { ...base, config: 'f', command: { name: 'reload' } }],
    [['quit'], { ...base, command: { name: 'quit' } }],
    [['validate', '--json', '-v', '-l', 'x.log'], { ...base, json: true, verbose: true, logfile: 'x.log', command: { name: 'validate' } }],
    [['procmatch', 'nginx: master'], { ...base, command: { name: 'procmatch', pattern: 'nginx: master' } }],
    [['convert', '/etc/monitrc'], { ...base, command: { name: 'convert', file: '/etc/monitrc' } }],
    [['status', '-d', '10', '-I'], { ...base, command: { name: 'status' } }],
  ];
  for (const [argv, expected] of cases) {
    test(argv.join(' ') || '(nothing)', () => assert.deepEqual(parseArgs(argv), expected));
  }

  const usage: Array<[string[], RegExp]> = [
    [['bogus'], /^unknown command 'bogus'/],
    [['-x'], /^unknown option '-x'/],
    [['-v=1'], /^unknown option/],
    [['--json=yes', 'status'], /^--json takes no value$/],
    [['-d', '0', 'status'], /^-d needs a number of seconds/],
    [['-g'], /^-g needs a group name$/],
    [['--wait'], /^--wait needs a command/],
    [['--wait', 'start', 'web', 'extra'], /^start takes/],
    [['start', 'web', '--wait=0'], /^--wait needs a number of seconds from 1 to 3600/],
    [['start', 'web', '--wait=3601'], /^--wait needs a number of seconds/],
    [['start', 'web', '--wait='], /^--wait needs a number of seconds/],
    [['-g', 'www', 'start', 'web'], /^start -g GROUP acts on the group/],
    [['status', 'a', 'b'], /^status takes at most one service name or pattern/],
    [['quit', 'now'], /^quit takes no argument \(got 'now'\)$/],
    [['convert'], /^convert needs one monit control file$/],
    [['-t', 'reload'], /^-t checks the control file and takes no command$/],
    [['-B'], /^-B needs a command/],
  ];
  for (const [argv, message] of usage) {
    test(`usage error: ${argv.join(' ')}`, () => {
      const r = parseArgs(argv);
      assert.equal(r.kind, 'usage-error');
      assert.match((r as { message: string }).message, message);
    });
  }
});
