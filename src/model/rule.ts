// A rule is monit's `if TEST [RATE] then ACTION [else ...]`, parsed into types.
import type { SourcePos } from './errors.ts';

export type Operator = '>' | '>=' | '<' | '<=' | '=' | '!=';

/** `X times within Y cycles`; `for N cycles` is {count: N, cycles: N}; no rate is {1, 1}. */
export interface Rate {
  count: number;
  cycles: number;
}

/** A program to run: argv split monit's way (no shell), with its options. */
export interface Command {
  text: string;
  argv: string[];
  timeoutMs?: number;
  uid?: string | number;
  gid?: string | number;
}

export type ActionSpec =
  | { type: 'alert'; reminder?: number }
  | { type: 'start' }
  | { type: 'stop' }
  | { type: 'restart' }
  | { type: 'unmonitor' }
  | { type: 'ignore' }
  | { type: 'exec'; command: Command; repeatEvery?: number };

export type ActionType = ActionSpec['type'];

export type ResourceName =
  | 'cpu' // process: own; system: usage (user + system)
  | 'totalcpu'
  | 'cpuuser'
  | 'cpusystem'
  | 'cpuwait'
  | 'memory'
  | 'totalmemory'
  | 'swap'
  | 'children'
  | 'threads'
  | 'loadavg1'
  | 'loadavg5'
  | 'loadavg15'
  | 'filedescriptors'
  | 'totalfiledescriptors';

/** percent: 0-100; bytes; count (children, threads, fds); load (loadavg, optionally per core). */
export type ResourceUnit = 'percent' | 'bytes' | 'count' | 'load';

export type TimestampField = 'any' | 'atime' | 'ctime' | 'mtime';

export type ChangeTarget =
  | 'pid'
  | 'ppid'
  | 'status'
  | 'size'
  | 'checksum'
  | 'timestamp'
  | 'permission'
  | 'fsflags'
  | 'link'
  | 'content';

export interface PortTarget {
  type: 'port';
  host?: string; // default: localhost in a process check, the address in a host check
  port: number;
  family?: 'ipv4' | 'ipv6';
  socket: 'tcp' | 'udp' | 'tcpssl';
}
export interface UnixTarget {
  type: 'unix';
  path: string;
  socket: 'tcp' | 'udp';
}
export interface UrlTarget {
  type: 'url';
  url: string;
}
export interface PingTarget {
  type: 'ping';
  family?: 'ipv4' | 'ipv6';
  count?: number;
  size?: number;
}

export type ProtocolOptionValue = string | number | boolean | { op: Operator; value: number };

export interface ProtocolSpec {
  name: string; // lower case: http, https, memcache, redis, smtp, ... ('generic' for send/expect)
  options: Record<string, ProtocolOptionValue>;
  sendExpect?: Array<{ send: string } | { expect: string }>;
}

export interface ConnectionTest {
  kind: 'connection';
  target: PortTarget | UnixTarget | UrlTarget | PingTarget;
  protocol?: ProtocolSpec;
  timeoutMs?: number;
  retry?: number;
  responseTime?: { op: Operator; ms: number };
  certificate?: { validDays?: number; checksum?: string };
}

export type Test =
  | { kind: 'nonexist' }
  | { kind: 'exist' }
  | { kind: 'changed'; target: ChangeTarget; field?: TimestampField }
  | { kind: 'resource'; resource: ResourceName; op: Operator; value: number; unit: ResourceUnit; perCore?: boolean }
  | { kind: 'uptime'; op: Operator; seconds: number }
  | { kind: 'identity'; field: 'uid' | 'euid' | 'gid'; expect: string | number }
  | ConnectionTest
  | { kind: 'status'; op: Operator; value: number }
  | { kind: 'content'; op: '=' | '!='; pattern: string }
  | { kind: 'timestamp'; field: TimestampField; op: Operator; seconds: number }
  | { kind: 'size'; op: Operator; bytes: number }
  | { kind: 'checksum'; algorithm?: 'md5' | 'sha1' | 'sha256'; expect?: string }
  | { kind: 'permission'; mode: number }
  | { kind: 'space'; free: boolean; op: Operator; value: number; unit: 'percent' | 'bytes' }
  | { kind: 'inode'; free: boolean; op: Operator; value: number; unit: 'percent' | 'count' }
  | { kind: 'link'; state: 'down' | 'up' }
  | { kind: 'saturation'; op: Operator; percent: number }
  | { kind: 'traffic'; direction: 'upload' | 'download'; op: Operator; value: number; unit: 'bytes' | 'packets' };

export type TestKind = Test['kind'];

/**
 * `if failed ...` and threshold tests have polarity 'failed' (the rule fails when the test says so);
 * `if succeeded port ...`, `if exist`, `if link up` invert it: the rule fails when the thing succeeds.
 */
export type Polarity = 'failed' | 'succeeded';

export interface Rule {
  /** Stable key for state: normalised text, `#2`... appended for repeats in one service. */
  id: string;
  /** The rule as written (trimmed), shown as "the rule in words". */
  text: string;
  pos?: SourcePos;
  /** Added by tsmonit, not written by the user (monit's implicit `if does not exist then restart`). */
  implicit?: boolean;
  test: Test;
  polarity: Polarity;
  rate: Rate;
  action: ActionSpec;
  /** The `else` part: what happens on recovery. Default: alert, rate 1. */
  recovery: { action: ActionSpec; rate: Rate };
}

/** `if N restarts within M cycles then ACTION` (`timeout` is parsed as unmonitor). */
export interface RestartLimit {
  id: string;
  text: string;
  pos?: SourcePos;
  count: number;
  cycles: number;
  action: ActionSpec;
}

/** `ignore content = "regex"` (file content; evaluated before content rules). */
export interface ContentIgnore {
  text: string;
  pos?: SourcePos;
  op: '=' | '!=';
  pattern: string;
}

/** What one rule string parses to. */
export type ParsedRule =
  | { type: 'rule'; rule: Rule }
  | { type: 'restartLimit'; limit: RestartLimit }
  | { type: 'ignoreContent'; ignore: ContentIgnore };
