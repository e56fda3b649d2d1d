// `as uid X and gid Y`: names resolved from /etc/passwd and /etc/group (no NSS, no libc binding).
import { readFile } from 'node:fs/promises';

export interface UserEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

export interface GroupEntry {
  name: string;
  gid: number;
}

export interface UserFiles {
  passwd?: string;
  group?: string;
}

/** A name or a number (a numeric string counts as a number); null when a name is unknown. */
export async function resolveUser(spec: string | number, files: UserFiles = {}): Promise<UserEntry | null> {
  const entries = parseColonFile(await readOptional(files.passwd ?? '/etc/passwd'))
    .map(([name = '', , uid, gid, , home = '']) => ({ name, uid: Number(uid), gid: Number(gid), home }))
    .filter((entry) => Number.isInteger(entry.uid) && Number.isInteger(entry.gid));
  const id = asId(spec);
  if (id === null) return entries.find((entry) => entry.name === String(spec)) ?? null;
  // A numeric uid need not have a passwd entry (containers); its group then defaults to the same number.
  return entries.find((entry) => entry.uid === id) ?? { name: String(id), uid: id, gid: id, home: '/' };
}

export async function resolveGroup(spec: string | number, files: UserFiles = {}): Promise<GroupEntry | null> {
  const id = asId(spec);
  if (id !== null) return { name: String(id), gid: id };
  const entries = parseColonFile(await readOptional(files.group ?? '/etc/group'));
  const found = entries.find(([name]) => name === String(spec));
  const gid = Number(found?.[2]);
  return found && Number.isInteger(gid) ? { name: String(spec), gid } : null;
}

function asId(spec: string | number): number | null {
  const text = String(spec).trim();
  return /^\d+$/.test(text) ? Number(text) : null;
}

function parseColonFile(text: string): string[][] {
  return text.split('\n').filter((line) => line && !line.startsWith('#')).map((line) => line.split(':'));
}

async function readOptional(path: string): Promise<string> {
  return readFile(path, 'utf8').catch(() => '');
}
