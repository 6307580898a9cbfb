import type { Browser, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SAMPLE_DIST } from '../helpers/build-site.ts';
import { launchBrowser, serveDir, type StaticSite } from '../helpers/browser.ts';

/*
 * The weekly post at a phone's and a desktop's width, in both themes and both languages: every index's
 * close, change and % change on screen without sideways scrolling, nothing on the page cut off at its
 * sides, and a one-row masthead at desktop width with the language switch in the same place in ja and en.
 */

const WIDTHS = [375, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const LOCALES = ['ja', 'en'] as const;
const POST = (locale: string) => `/${locale}/posts/2026-02-13/`;

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveDir(SAMPLE_DIST);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openPost(width: number, scheme: (typeof SCHEMES)[number], locale: string): Promise<BrowserPage> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(`${site.origin}${POST(locale)}`);
  return page;
}

/** A box whose left or right edge falls outside [0, width], or that its scrolling or clipping ancestor cuts. */
interface Overflow {
  element: string;
  left: number;
  right: number;
  clippedBy?: string;
}

/**
 * Visible elements of `<main>` and the masthead that stick out of the viewport horizontally, or are cut
 * by an ancestor that hides or scrolls its overflow. Visually hidden text (1 px, clipped) and whatever
 * is not drawn are skipped.
 */
function findOverflow(page: BrowserPage): Promise<Overflow[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: Overflow[] = [];
    const name = (element: Element) => `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
    for (const element of document.querySelectorAll('header.site-header *, main *')) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      // Skips what is not drawn, such as the table inside a closed <details>.
      if (!element.checkVisibility({ visibilityProperty: true })) continue;
      if (box.left < -0.5 || box.right > width + 0.5) {
        found.push({ element: name(element), left: box.left, right: box.right });
        continue;
      }
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX === 'visible') continue;
        const frame = parent.getBoundingClientRect();
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) found.push({ element: name(element), left: box.left, right: box.right, clippedBy: name(parent) });
        break;
      }
    }
    return found;
  });
}

describe.each(WIDTHS)('the weekly post at %i px', (width) => {
  describe.each(SCHEMES)('%s theme', (scheme) => {
    test.each(LOCALES)('in %s: every key figure is on screen and nothing is cut off at the sides', async (locale) => {
      const page = await openPost(width, scheme, locale);
      try {
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
        const figures = page.locator('[data-key-figures]');
        const frame = await figures.boundingBox();
        expect(frame).not.toBeNull();
        const rows = figures.locator('tbody tr:has(td[data-label])');
        expect(await rows.count()).toBe(3);
        for (const row of await rows.all()) {
          // Close, change and % change: the first three figures of each index.
          const cells = row.locator('td');
          for (const index of [0, 1, 2]) {
            const box = await cells.nth(index).boundingBox();
            const text = await cells.nth(index).textContent();
            expect(box, text ?? '').not.toBeNull();
            if (!box || !frame) continue;
            expect(box.x, text ?? '').toBeGreaterThanOrEqual(frame.x - 0.5);
            expect(box.x + box.width, text ?? '').toBeLessThanOrEqual(Math.min(frame.x + frame.width, width) + 0.5);
            // The figure itself fits its cell: nothing is cut off by an ellipsis or a scroll box.
            expect(await cells.nth(index).evaluate((cell) => cell.scrollWidth <= cell.clientWidth + 1), text ?? '').toBe(true);
          }
        }
        expect(await findOverflow(page)).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  });
});

describe.each(SCHEMES)('the masthead at 1280 px, %s theme', (scheme) => {
  test('is one row in both languages, with the language switch in the same place', async () => {
    const switchBoxes: { x: number; width: number }[] = [];
    for (const locale of LOCALES) {
      const page = await openPost(1280, scheme, locale);
      try {
        const header = await page.locator('header.site-header').boundingBox();
        expect(header?.height, locale).toBeLessThan(80);
        const title = await page.locator('.site-title').boundingBox();
        const nav = await page.locator('.site-nav').boundingBox();
        const toggle = await page.locator('[data-lang-switch]').boundingBox();
        // One row: the title, the navigation and the switch share a line.
        for (const box of [nav, toggle]) expect(box && title && Math.abs(box.y + box.height / 2 - (title.y + title.height / 2)), locale).toBeLessThan(8);
        if (toggle) switchBoxes.push({ x: toggle.x, width: toggle.width });
      } finally {
        await page.context().close();
      }
    }
    expect(switchBoxes).toHaveLength(2);
    expect(Math.abs((switchBoxes[0]?.x ?? 0) - (switchBoxes[1]?.x ?? 1))).toBeLessThanOrEqual(1);
    expect(Math.abs((switchBoxes[0]?.width ?? 0) - (switchBoxes[1]?.width ?? 1))).toBeLessThanOrEqual(1);
  });
});

describe.each(LOCALES)('the weekly post at 375 px in %s', (locale) => {
  test('shows its first figure on the first screen', async () => {
    const page = await openPost(375, 'light', locale);
    try {
      await page.setViewportSize({ width: 375, height: 812 });
      const firstClose = await page.locator('[data-key-figures] td[data-label]').first().boundingBox();
      expect(firstClose).not.toBeNull();
      expect((firstClose?.y ?? Infinity) + (firstClose?.height ?? 0)).toBeLessThan(812);
    } finally {
      await page.context().close();
    }
  });
});
