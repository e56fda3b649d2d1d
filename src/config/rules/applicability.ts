// Which tests each check type supports (monit.md 2.2); anything else is TSM_E_RULE_NOT_FOR_TYPE.
import type { ResourceName, Test } from '../../model/rule.ts';
import type { ServiceType } from '../../model/service.ts';

const PATHS: ServiceType[] = ['file', 'fifo', 'directory', 'filesystem'];
const FILE_LIKE: ServiceType[] = ['file', 'fifo', 'directory'];

const RESOURCES: Record<ResourceName, ServiceType[]> = {
  cpu: ['process', 'system'],
  totalcpu: ['process'],
  cpuuser: ['system'],
  cpusystem: ['system'],
  cpuwait: ['system'],
  memory: ['process', 'system'],
  totalmemory: ['process'],
  swap: ['system'],
  children: ['process'],
  threads: ['process'],
  loadavg1: ['process', 'system'],
  loadavg5: ['process', 'system'],
  loadavg15: ['process', 'system'],
  filedescriptors: ['process', 'system'],
  totalfiledescriptors: ['process'],
};

const CHANGES: Record<string, ServiceType[]> = {
  pid: ['process'],
  ppid: ['process'],
  status: ['program'],
  content: ['program'],
  size: ['file'],
  checksum: ['file'],
  timestamp: FILE_LIKE,
  permission: PATHS,
  fsflags: ['filesystem'],
  link: ['network'],
};

function connectionTypes(test: Extract<Test, { kind: 'connection' }>): ServiceType[] {
  switch (test.target.type) {
    case 'ping':
      return ['host'];
    case 'unix':
      return ['process'];
    default:
      return ['process', 'host'];
  }
}

/** The check types where a test makes sense. */
export function typesFor(test: Test): ServiceType[] {
  switch (test.kind) {
    case 'nonexist':
    case 'exist':
      return ['process', ...PATHS];
    case 'changed':
      return CHANGES[test.target] ?? [];
    case 'resource':
      return RESOURCES[test.resource];
    case 'uptime':
      return ['process', 'system'];
    case 'identity':
      return test.field === 'euid' ? ['process'] : ['process', ...PATHS];
    case 'connection':
      return connectionTypes(test);
    case 'status':
      return ['program'];
    case 'content':
      return ['file', 'program'];
    case 'timestamp':
      return FILE_LIKE;
    case 'size':
    case 'checksum':
      return ['file'];
    case 'permission':
      return PATHS;
    case 'space':
    case 'inode':
      return ['filesystem'];
    case 'link':
    case 'saturation':
    case 'traffic':
      return ['network'];
  }
}

export function appliesTo(test: Test, type: ServiceType): boolean {
  return typesFor(test).includes(type);
}

const RESOURCE_LABELS: Partial<Record<ResourceName, string>> = {
  totalcpu: 'total cpu', cpuuser: 'cpu user', cpusystem: 'cpu system', cpuwait: 'cpu wait',
  totalmemory: 'total memory', loadavg1: 'loadavg', loadavg5: 'loadavg', loadavg15: 'loadavg',
  totalfiledescriptors: 'total filedescriptors',
};

/** A short name of the test for messages: 'cpu', 'changed pid', 'ping'. */
export function testLabel(test: Test): string {
  switch (test.kind) {
    case 'nonexist':
      return 'does not exist';
    case 'changed':
      return `changed ${test.target}`;
    case 'resource':
      return RESOURCE_LABELS[test.resource] ?? test.resource;
    case 'identity':
      return test.field;
    case 'connection':
      return test.target.type === 'unix' ? 'unixsocket' : test.target.type;
    default:
      return test.kind;
  }
}

export function notForTypeMessage(test: Test, type: ServiceType): string {
  const types = typesFor(test);
  return `'${testLabel(test)}' is not a test for a ${type} check (it applies to ${types.join(', ')} checks)`;
}
