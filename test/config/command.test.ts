import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commandProblem, splitCommand } from '../../src/config/command.ts';

describe('splitCommand', () => {
  const CASES: Array<[string, string[]]> = [
    ['/usr/bin/memcached -d -m 64', ['/usr/bin/memcached', '-d', '-m', '64']],
    ["/bin/sh -c 'kill $(cat /run/x.pid)'", ['/bin/sh', '-c', 'kill $(cat /run/x.pid)']],
    ['/bin/sh -c "echo \'hi there\'"', ['/bin/sh', '-c', "echo 'hi there'"]],
    ['  a   b\tc  ', ['a', 'b', 'c']],
    ['a"b c"d', ['ab cd']],
    ['x "" y', ['x', '', 'y']],
    ['/bin/echo $HOME', ['/bin/echo', '$HOME']],
    ['', []],
    ['   ', []],
  ];
  for (const [text, argv] of CASES) test(JSON.stringify(text), () => assert.deepEqual(splitCommand(text), argv));
});

describe('commandProblem', () => {
  test('empty and unbalanced commands are problems', () => {
    assert.equal(commandProblem(''), 'the command is empty');
    assert.equal(commandProblem('  '), 'the command is empty');
    assert.equal(commandProblem("/bin/sh -c 'x"), "the command has an unterminated ' quote");
    assert.equal(commandProblem('/bin/true'), undefined);
    assert.equal(commandProblem(`/bin/sh -c "it's"`), undefined);
  });
});
