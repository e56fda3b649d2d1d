// A small glob for `include`: `*`, `?`, `[...]`, `{a,b}` within a path segment and `**` across
// directories. Matches are sorted; a leading dot is matched only when written.
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const MAGIC = /[*?[{]/;

export function hasMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

export function segmentRegExp(segment: string): RegExp {
  let re = '';
  let group = 0;
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i] as string;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '{') {
      group++;
      re += '(?:';
    } else if (ch === '}' && group > 0) {
      group--;
      re += ')';
    } else if (ch === ',' && group > 0) re += '|';
    else if (ch === '[' && segment.indexOf(']', i + 2) > i) {
      const end = segment.indexOf(']', i + 2);
      const body = segment.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
      re += `[${body}]`;
      i = end;
    } else re += ch.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

async function entries(dir: string, cwd: string): Promise<Array<{ name: string; dir: boolean }>> {
  try {
    const list = await readdir(resolve(cwd, dir), { withFileTypes: true });
    return list.map((d) => ({ name: d.name, dir: d.isDirectory() })).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return [];
  }
}

async function walk(dir: string, rest: string[], cwd: string): Promise<string[]> {
  const [seg, ...tail] = rest;
  if (seg === undefined) return [dir];
  if (!hasMagic(seg)) return walk(join(dir, seg), tail, cwd);
  const list = await entries(dir, cwd);
  const visible = list.filter((e) => seg.startsWith('.') || !e.name.startsWith('.'));
  if (seg === '**') {
    const deeper = visible.filter((e) => e.dir).map((e) => walk(join(dir, e.name), rest, cwd));
    return [...(await walk(dir, tail, cwd)), ...(await Promise.all(deeper)).flat()];
  }
  const re = segmentRegExp(seg);
  const matched = visible.filter((e) => re.test(e.name)).map((e) => walk(join(dir, e.name), tail, cwd));
  return (await Promise.all(matched)).flat();
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Regular files matching pattern (directories are ignored); relative patterns start at cwd. */
export async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const start = pattern.startsWith('/') ? '/' : '.';
  const found = await walk(start, pattern.split('/').filter((s) => s !== '' && s !== '.'), cwd);
  const unique = [...new Set(found)];
  const files = await Promise.all(unique.map(async (f) => ((await isFile(resolve(cwd, f))) ? f : undefined)));
  return files.filter((f): f is string => f !== undefined);
}
