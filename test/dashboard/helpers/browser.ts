// Headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) driven by playwright-core.
// Each session is its own browser with a new, empty profile directory (launchPersistentContext is how
// playwright takes --user-data-dir), removed on close. Every request the page makes is recorded, and
// so are console errors, page errors and dialogs (an alert() would mean injected script ran).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
  '--disable-component-update', '--disable-sync',
];

/** Why the browser tests cannot run here, or null when they can. */
export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM) ? null : `${CHROMIUM} is missing: install Debian's chromium ("apt-get install chromium") to run the dashboard's browser tests`;
}

export interface Credentials {
  user: string;
  password: string;
}

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Every URL the page asked for (documents, scripts, styles, images, fetch, event streams). */
  requests: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  close(): Promise<void>;
}

export interface SessionOptions {
  credentials?: Credentials;
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
}

export async function openBrowser(options: SessionOptions = {}): Promise<BrowserSession> {
  const profile = mkdtempSync(join(os.tmpdir(), 'tsmonit-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    ...(options.credentials ? { httpCredentials: { username: options.credentials.user, password: options.credentials.password, send: 'always' as const } } : {}),
  });
  const session: BrowserSession = {
    context,
    page: context.pages()[0] ?? (await context.newPage()),
    requests: [],
    consoleErrors: [],
    pageErrors: [],
    dialogs: [],
    async close() {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
  context.on('request', (r) => session.requests.push(r.url()));
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') session.consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => session.pageErrors.push(e.message));
    page.on('dialog', (d) => {
      session.dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
  return session;
}
