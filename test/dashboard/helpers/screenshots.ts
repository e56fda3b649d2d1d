// Screenshots of the dashboard as a person sees it: the overview, a service page and the event timeline,
// on a desktop and at 360 px, light and dark. Each test run writes them to test-output/screenshots/
// (git-ignored); `npm run screenshots` writes the copies in docs/screenshots/ that the README shows.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../helpers/processes.ts';
import { waitFor } from '../../helpers/wait.ts';
import { openBrowser } from './browser.ts';
import { ADMIN } from './daemon.ts';

export const TEST_SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
export const DOCS_SCREENSHOTS = join(ROOT, 'docs', 'screenshots');

interface Shot {
  file: string;
  page: 'overview' | 'service' | 'events';
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
  /** The whole page, or only what the window shows (the timeline can be long). */
  fullPage?: boolean;
}

export const SHOTS: Shot[] = [
  { file: 'overview-desktop.png', page: 'overview', width: 1280, height: 800, colorScheme: 'light' },
  { file: 'service-desktop.png', page: 'service', width: 1280, height: 800, colorScheme: 'light' },
  { file: 'events-desktop.png', page: 'events', width: 1280, height: 900, colorScheme: 'light', fullPage: false },
  { file: 'overview-360.png', page: 'overview', width: 360, height: 740, colorScheme: 'light' },
  { file: 'service-360.png', page: 'service', width: 360, height: 740, colorScheme: 'light' },
  { file: 'overview-dark.png', page: 'overview', width: 1280, height: 800, colorScheme: 'dark' },
  { file: 'service-dark.png', page: 'service', width: 1280, height: 800, colorScheme: 'dark' },
];

async function ready(page: Page, shot: Shot): Promise<void> {
  await page.locator('#live[data-state="live"]').waitFor({ timeout: 15_000 });
  if (shot.page === 'overview') await page.locator('tr[data-service]').first().waitFor();
  if (shot.page === 'events') await page.locator('.timeline .event').first().waitFor();
  if (shot.page === 'service') {
    await page.locator('.chart canvas').first().waitFor({ timeout: 15_000 });
    await waitFor('figures on the page', async () => /\d/.test((await page.locator('dd[data-field="Last check"]').textContent()) ?? ''));
  }
  // Fonts and the charts' first layout settle.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForTimeout(400);
}

/** Writes every shot of SHOTS into dir; answers the files written with the width each must have. */
export async function takeScreenshots(base: string, service: string, dir: string): Promise<Array<{ path: string; width: number }>> {
  mkdirSync(dir, { recursive: true });
  const written: Array<{ path: string; width: number }> = [];
  const groups = new Map<string, Shot[]>();
  for (const shot of SHOTS) groups.set(`${shot.width}/${shot.colorScheme}`, [...(groups.get(`${shot.width}/${shot.colorScheme}`) ?? []), shot]);
  for (const shots of groups.values()) {
    const first = shots[0]!;
    const session = await openBrowser({ credentials: ADMIN, width: first.width, height: first.height, colorScheme: first.colorScheme });
    try {
      for (const shot of shots) {
        const path = shot.page === 'overview' ? '/' : shot.page === 'events' ? '/events' : `/service/${encodeURIComponent(service)}`;
        await session.page.goto(`${base}${path}`);
        await ready(session.page, shot);
        const file = join(dir, shot.file);
        await session.page.screenshot({ path: file, fullPage: shot.fullPage ?? true });
        written.push({ path: file, width: shot.width });
      }
    } finally {
      await session.close();
    }
  }
  return written;
}

/** Each file is a PNG as wide as its viewport, and not blank (a blank page compresses to almost nothing). */
export function checkScreenshots(files: Array<{ path: string; width: number }>): void {
  assert.equal(files.length, SHOTS.length);
  for (const { path, width } of files) {
    const png = readFileSync(path);
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', path);
    assert.equal(png.readUInt32BE(16), width, `${path} width`);
    assert.ok(png.readUInt32BE(20) >= 700, `${path} height`);
    assert.ok(png.length > 15_000, `${path} has content (${png.length} bytes)`);
  }
}
