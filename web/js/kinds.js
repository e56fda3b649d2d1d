// monit's event kinds, as the server names them (src/model/event.ts EVENT_KINDS; a test keeps them equal).
export const EVENT_KINDS = [
  'nonexist', 'exist', 'connection', 'resource', 'exec', 'timeout', 'pid', 'ppid', 'uptime', 'status', 'content',
  'checksum', 'size', 'timestamp', 'permission', 'uid', 'gid', 'data', 'icmp', 'link', 'fsflags', 'saturation',
  'bytein', 'byteout', 'invalid', 'instance', 'action',
];
