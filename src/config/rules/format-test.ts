// The canonical text of a Test (the part between `if` and the rate).
import type { Polarity, ResourceName, Test, TimestampField } from '../../model/rule.ts';
import { bytes, idText, num, quote, seconds, word } from './format-values.ts';
import { formatConnection } from './format-connection.ts';

const RESOURCE_TEXT: Record<ResourceName, string> = {
  cpu: 'cpu', totalcpu: 'total cpu', cpuuser: 'cpu user', cpusystem: 'cpu system', cpuwait: 'cpu wait',
  memory: 'memory', totalmemory: 'total memory', swap: 'swap', children: 'children', threads: 'threads',
  loadavg1: 'loadavg (1min)', loadavg5: 'loadavg (5min)', loadavg15: 'loadavg (15min)',
  filedescriptors: 'filedescriptors', totalfiledescriptors: 'total filedescriptors',
};

const FIELD_TEXT: Record<TimestampField, string> = { any: 'timestamp', atime: 'atime', ctime: 'ctime', mtime: 'mtime' };

function resource(test: Extract<Test, { kind: 'resource' }>): string {
  const name = RESOURCE_TEXT[test.resource] + (test.perCore ? ' per core' : '');
  const value = test.unit === 'percent' ? `${num(test.value)}%` : test.unit === 'bytes' ? bytes(test.value) : num(test.value);
  return `${name} ${test.op} ${value}`;
}

export function formatTest(test: Test, polarity: Polarity): string {
  switch (test.kind) {
    case 'nonexist':
      return 'does not exist';
    case 'exist':
      return 'exist';
    case 'changed':
      return `changed ${test.target === 'timestamp' ? FIELD_TEXT[test.field ?? 'any'] : test.target}`;
    case 'resource':
      return resource(test);
    case 'uptime':
      return `uptime ${test.op} ${seconds(test.seconds)}`;
    case 'identity':
      return `failed ${test.field} ${idText(test.expect)}`;
    case 'connection':
      return formatConnection(test, polarity);
    case 'status':
      return `status ${test.op} ${num(test.value)}`;
    case 'content':
      return `content ${test.op} ${quote(test.pattern)}`;
    case 'timestamp':
      return `${FIELD_TEXT[test.field]} ${test.op} ${seconds(test.seconds)}`;
    case 'size':
      return `size ${test.op} ${bytes(test.bytes)}`;
    case 'checksum':
      return ['failed', test.algorithm, 'checksum', test.expect === undefined ? undefined : `expect ${word(test.expect)}`]
        .filter((p) => p !== undefined)
        .join(' ');
    case 'permission':
      return `failed permission ${test.mode.toString(8).padStart(4, '0')}`;
    case 'space':
      return `space${test.free ? ' free' : ''} ${test.op} ${test.unit === 'percent' ? `${num(test.value)}%` : bytes(test.value)}`;
    case 'inode':
      return `inode${test.free ? ' free' : ''} ${test.op} ${num(test.value)}${test.unit === 'percent' ? '%' : ''}`;
    case 'link':
      return `link ${test.state}`;
    case 'saturation':
      return `saturation ${test.op} ${num(test.percent)}%`;
    case 'traffic':
      return `${test.direction} ${test.op} ${test.unit === 'packets' ? `${num(test.value)} packets` : bytes(test.value)}/s`;
  }
}
