// The dashboard's files (web/): read once when the server is built and served from memory. Only files
// found there at start can ever be served, so no request path reaches the file system.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** web/ beside src/ (and beside dist/ in a build): both sit one level below the package root. */
export const WEB_DIR = fileURLToPath(new URL('../../web/', import.meta.url));

export interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

export interface WebAssets {
  /** web/index.html, the page template; null when web/ is missing (the plain page is served instead). */
  template: string | null;
  /** By path below web/, with '/' separators: 'js/main.js', 'vendor/uPlot.iife.min.js'. */
  files: Map<string, Asset>;
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map(async (e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return e.isFile() ? [path] : [];
  }));
  return nested.flat();
}

async function load(dir: string): Promise<WebAssets> {
  let paths: string[];
  try {
    paths = await walk(dir);
  } catch {
    return { template: null, files: new Map() };
  }
  const files = new Map<string, Asset>();
  let template: string | null = null;
  for (const path of paths) {
    const name = relative(dir, path).split(sep).join('/');
    if (name === 'index.html') template = await readFile(path, 'utf8');
    const type = TYPES[extname(name)];
    if (!type) continue;
    const body = await readFile(path);
    files.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
  }
  return { template, files };
}

const cache = new Map<string, Promise<WebAssets>>();

/** The files of dir (default web/), read once per process. */
export function loadWebAssets(dir: string = WEB_DIR): Promise<WebAssets> {
  let assets = cache.get(dir);
  if (!assets) cache.set(dir, (assets = load(dir)));
  return assets;
}
