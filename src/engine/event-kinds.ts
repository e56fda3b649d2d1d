// Which event kind each test posts (monit's event types).
import type { EventKind } from '../model/event.ts';
import type { ChangeTarget, Test } from '../model/rule.ts';

const CHANGE_KINDS: Record<ChangeTarget, EventKind> = {
  pid: 'pid',
  ppid: 'ppid',
  status: 'status',
  size: 'size',
  checksum: 'checksum',
  timestamp: 'timestamp',
  permission: 'permission',
  fsflags: 'fsflags',
  link: 'link',
  content: 'content',
};

export function eventKindOf(test: Test): EventKind {
  switch (test.kind) {
    case 'nonexist':
    case 'exist':
    case 'resource':
    case 'uptime':
    case 'status':
    case 'content':
    case 'timestamp':
    case 'size':
    case 'checksum':
    case 'permission':
    case 'link':
    case 'saturation':
      return test.kind;
    case 'changed':
      return CHANGE_KINDS[test.target];
    case 'connection':
      return test.target.type === 'ping' ? 'icmp' : 'connection';
    case 'identity':
      return test.field === 'gid' ? 'gid' : 'uid';
    case 'space':
    case 'inode':
      return 'resource';
    case 'traffic':
      return test.direction === 'upload' ? 'byteout' : 'bytein';
  }
}
