// TEST := the part between `if` and the rate/`then`, dispatched on its first word.
import type { ChangeTarget, Test } from '../../model/rule.ts';
import { idValue } from './actions.ts';
import { failing, type TestClause } from './clause.ts';
import type { Cursor } from './cursor.ts';
import { CONNECTION_WORDS, parseConnection } from './tests-connection.ts';
import { parseLink, parseSaturation, parseStatus, parseTraffic, parseUptime } from './tests-misc.ts';
import {
  atTimestamp, parseContent, parseFailedChecksum, parseFailedPermission, parseSize, parseSpaceOrInode,
  parseTimestamp, readAlgorithm, readTimestampField,
} from './tests-path.ts';
import { atResource, parseResourceChain } from './tests-resource.ts';
import type { Token } from './tokenizer.ts';

export const TEST_EXPECTED = 'a test (cpu, memory, loadavg, failed, changed, does not exist, timestamp, size, space, status, ...)';

const SIMPLE_CHANGES: Record<string, ChangeTarget> = {
  pid: 'pid', ppid: 'ppid', status: 'status', size: 'size', fsflags: 'fsflags', fsflag: 'fsflags',
  link: 'link', content: 'content', perm: 'permission', permission: 'permission',
};

/** After `changed`: pid, ppid, status, size, checksum, timestamp kinds, permission, fsflags, link, content. */
function parseChanged(c: Cursor, at: Token): TestClause {
  if (c.at('hardlink', 'hardlinks')) c.unsupported(c.peek(), 'the hardlink test');
  if (atTimestamp(c)) return failing({ kind: 'changed', target: 'timestamp', field: readTimestampField(c) }, at);
  if (readAlgorithm(c) !== undefined || c.at('checksum')) {
    c.expect(['checksum']);
    readAlgorithm(c);
    return failing({ kind: 'changed', target: 'checksum' }, at);
  }
  const t = c.peek();
  const target = t.kind === 'word' && Object.hasOwn(SIMPLE_CHANGES, t.value) ? SIMPLE_CHANGES[t.value] : undefined;
  if (!target) c.fail('what changed (pid, ppid, status, size, checksum, timestamp, permission, fsflags, link, content)');
  c.next();
  return failing({ kind: 'changed', target }, at);
}

/** After `failed` / `succeeded`. */
function parseFailed(c: Cursor, at: Token): TestClause {
  const polarity = at.value === 'succeeded' ? 'succeeded' : 'failed';
  if (c.at(...CONNECTION_WORDS)) return parseConnection(c, at, polarity);
  if (polarity === 'succeeded') c.fail("a connection test (host, port, unixsocket, url, ping)");
  const t = c.peek();
  if (c.at('uid', 'euid', 'gid')) {
    c.next();
    const expect = idValue(c.expectValue(`a ${t.value === 'gid' ? 'group' : 'user'} name or id`));
    return failing({ kind: 'identity', field: t.value as 'uid' | 'euid' | 'gid', expect }, at);
  }
  if (c.at('md5', 'sha1', 'sha256', 'checksum')) return parseFailedChecksum(c, at);
  if (c.at('perm', 'permission')) return parseFailedPermission(c, at);
  if (c.accept('link')) return failing({ kind: 'link', state: 'down' }, at);
  if (c.at('security')) c.unsupported(t, 'the security attribute test');
  return c.fail('a connection test (host, port, unixsocket, url, ping), uid, euid, gid, checksum or permission');
}

function existence(c: Cursor, at: Token): TestClause {
  c.expect(['exist', 'exists']);
  return failing({ kind: 'nonexist' }, at);
}

const UNSUPPORTED: Record<string, string> = {
  hardlink: 'the hardlink test', hardlinks: 'the hardlink test', read: 'the disk read test',
  write: 'the disk write test', disk: 'the disk read/write test', service: 'the service time test',
  security: 'the security attribute test', total: 'total uploaded/downloaded',
};

export function parseTests(c: Cursor): TestClause[] {
  if (atResource(c)) return parseResourceChain(c);
  if (atTimestamp(c)) return [parseTimestamp(c)];
  const t = c.peek();
  if (t.kind !== 'word') c.fail(TEST_EXPECTED);
  switch (t.value) {
    case 'not':
      c.next();
      return [c.accept('match') ? parseContent(c, t, true) : existence(c, t)];
    case 'exist':
    case 'exists':
      c.next();
      return [{ test: { kind: 'exist' } satisfies Test, polarity: 'succeeded', at: t }];
    case 'changed':
      c.next();
      return [parseChanged(c, t)];
    case 'failed':
    case 'succeeded':
      c.next();
      return [parseFailed(c, t)];
    case 'content':
      c.next();
      if (c.accept('changed')) return [failing({ kind: 'changed', target: 'content' }, t)];
      return [parseContent(c, t, false)];
    case 'match':
      c.next();
      return [parseContent(c, t, false)];
    case 'size':
      return [parseSize(c)];
    case 'space':
    case 'inode':
    case 'inodes':
      return [parseSpaceOrInode(c)];
    case 'status':
      return [parseStatus(c)];
    case 'uptime':
      return [parseUptime(c)];
    case 'link':
      return [parseLink(c)];
    case 'saturation':
      return [parseSaturation(c)];
    case 'upload':
    case 'download':
      return [parseTraffic(c)];
  }
  if (Object.hasOwn(UNSUPPORTED, t.value)) c.unsupported(t, UNSUPPORTED[t.value] as string);
  return c.fail(TEST_EXPECTED);
}
