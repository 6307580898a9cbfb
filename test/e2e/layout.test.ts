import type { Browser, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_DIST, SAMPLE_DIST } from '../helpers/build-site.ts';
import { launchBrowser, serveDir, type StaticSite } from '../helpers/browser.ts';

/*
 * The weekly post at a phone's and a desktop's width, in both themes and both languages: every index's
 * close, change and % change on screen without sideways scrolling, nothing on the page cut off at its
 * sides, and a one-row masthead at desktop width with the language switch in the same place in ja and en.
 * Then the footer's notices, the archive and the root's language chooser, at the same widths and themes.
 */

const WIDTHS = [375, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const LOCALES = ['ja', 'en'] as const;
const POST = (locale: string) => `/${locale}/posts/2026-02-13/`;

let browser: Browser;
let site: StaticSite;
let fixture: StaticSite;

beforeAll(async () => {
  browser = await launchBrowser();
  site = await serveDir(SAMPLE_DIST);
  fixture = await serveDir(FIXTURE_DIST);
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await fixture?.close();
});

/** Opens a page of a served site in a fresh browser context; close it with `page.context().close()`. */
async function openPage(
  served: StaticSite,
  pathname: string,
  width: number,
  scheme: (typeof SCHEMES)[number],
  options: { javaScriptEnabled?: boolean; locale?: string } = {},
): Promise<BrowserPage> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, ...options });
  const page = await context.newPage();
  await page.goto(`${served.origin}${pathname}`);
  return page;
}

function openPost(width: number, scheme: (typeof SCHEMES)[number], locale: string): Promise<BrowserPage> {
  return openPage(site, POST(locale), width, scheme);
}

/** A box whose left or right edge falls outside [0, width], or that its scrolling or clipping ancestor cuts. */
interface Overflow {
  element: string;
  left: number;
  right: number;
  clippedBy?: string;
}

/**
 * Visible elements of `<main>`, the masthead and the footer (or of `selector`) that stick out of the
 * viewport horizontally, or are cut by an ancestor that hides or scrolls its overflow. Visually hidden
 * text (1 px, clipped) and whatever is not drawn are skipped.
 */
function findOverflow(page: BrowserPage, selector = 'header.site-header *, main *, footer.site-footer *'): Promise<Overflow[]> {
  return page.evaluate((selector) => {
    const width = document.documentElement.clientWidth;
    const found: Overflow[] = [];
    const name = (element: Element) => `${element.tagName.toLowerCase()}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''}`;
    for (const element of document.querySelectorAll(selector)) {
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
        // A visually hidden box (1 px, clipped, as a stacked table's header row) hides what it holds on purpose.
        if (frame.width <= 1 || frame.height <= 1) break;
        if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5) found.push({ element: name(element), left: box.left, right: box.right, clippedBy: name(parent) });
        break;
      }
    }
    return found;
  }, selector);
}

/** Whether an element is drawn whole: inside the viewport's width, and its text not cut off inside it. */
async function isFullyVisible(page: BrowserPage, selector: string, index: number): Promise<boolean> {
  return page.locator(selector).nth(index).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 1 && box.left >= -0.5 && box.right <= document.documentElement.clientWidth + 0.5 && element.scrollWidth <= element.clientWidth + 1;
  });
}

/**
 * The WCAG contrast ratio of an element's text against the page's background (none of the elements
 * checked has a background of its own), from their computed colours.
 */
function textContrast(page: BrowserPage, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((element) => {
    const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const luminance = (color: string) => {
      const [r = 0, g = 0, b = 0] = channels(color).map((value) => {
        const c = value / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const text = luminance(getComputedStyle(element).color);
    const background = luminance(getComputedStyle(document.body).backgroundColor);
    return (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05);
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

describe.each(WIDTHS)('the footer at %i px', (width) => {
  describe.each(SCHEMES)('%s theme', (scheme) => {
    test.each([['ja', '/ja/archive/'], ['en', '/en/']] as const)('in %s (%s): its links and one block of notices, all on screen and legible', async (_, pathname) => {
      const page = await openPage(site, pathname, width, scheme);
      try {
        expect(await findOverflow(page, 'footer.site-footer *')).toEqual([]);
        // One block: the site notice, the publisher, and the credit with every trademark, run on.
        const notices = page.locator('[data-footer-notices] > p');
        expect(await notices.count()).toBe(3);
        for (let i = 0; i < 3; i++) expect(await isFullyVisible(page, '[data-footer-notices] > p', i)).toBe(true);
        const links = page.locator('.footer-nav a');
        expect(await links.count()).toBe(4);
        for (const link of await links.all()) {
          const box = await link.boundingBox();
          // WCAG 2.2's minimum target: 24 px high, so a thumb can tell the links apart.
          expect(box?.height, await link.textContent() ?? '').toBeGreaterThanOrEqual(24);
        }
        for (const selector of ['[data-footer-notices] p', '.footer-copyright']) expect(await textContrast(page, selector), selector).toBeGreaterThanOrEqual(4.5);
        const footer = await page.locator('footer.site-footer').boundingBox();
        if (width === 1280) {
          // Compact on a desktop: the links and the copyright share a row, and the whole footer is short.
          const [first, copyright] = [await links.first().boundingBox(), await page.locator('.footer-copyright').boundingBox()];
          expect(Math.abs((first?.y ?? 0) + (first?.height ?? 0) / 2 - ((copyright?.y ?? 100) + (copyright?.height ?? 0) / 2))).toBeLessThan(8);
          expect(footer?.height).toBeLessThan(280);
        } else {
          expect(footer?.height).toBeLessThan(560);
        }
      } finally {
        await page.context().close();
      }
    });
  });
});

describe.each(WIDTHS)('the archive at %i px', (width) => {
  describe.each(SCHEMES)('%s theme', (scheme) => {
    test.each(LOCALES)('in %s: every close and move is on screen whole, and every month has the same columns', async (locale) => {
      for (const served of [site, fixture]) {
        const page = await openPage(served, `/${locale}/archive/`, width, scheme);
        try {
          expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
          expect(await findOverflow(page)).toEqual([]);
          const figures = '[data-archive-entry] td[data-label]';
          const count = await page.locator(figures).count();
          expect(count).toBeGreaterThan(0);
          for (let i = 0; i < count; i++) expect(await isFullyVisible(page, figures, i), `${served.origin} cell ${i}`).toBe(true);
          // Each figure column starts at the same x in every month and every year.
          const columns = await page.locator('[data-archive-entry]').evaluateAll((rows) => rows.flatMap((row) => [...row.querySelectorAll('td[data-label]')].map((cell, i) => `${i}:${Math.round(cell.getBoundingClientRect().left)}`)));
          expect(new Set(columns).size).toBe(new Set(columns.map((column) => column.split(':')[0])).size);
          if (width === 1280) {
            const headers = await page.locator('.archive-table thead th').evaluateAll((cells) => cells.map((cell, i) => `${i % 5}:${Math.round(cell.getBoundingClientRect().left)}:${Math.round(cell.getBoundingClientRect().width)}`));
            expect(headers.length).toBeGreaterThan(5);
            expect(new Set(headers).size, headers.join(' ')).toBe(5);
          }
        } finally {
          await page.context().close();
        }
      }
    });
  });
});

describe.each(WIDTHS)('the root language chooser at %i px', (width) => {
  describe.each(SCHEMES)('%s theme', (scheme) => {
    test('without JavaScript: the masthead and two large choices, side by side where they fit, all on screen', async () => {
      const page = await openPage(site, '/', width, scheme, { javaScriptEnabled: false });
      try {
        expect(new URL(page.url()).pathname).toBe('/');
        expect(await page.locator('header.site-header .site-title').isVisible()).toBe(true);
        expect(await findOverflow(page)).toEqual([]);
        const choices = page.locator('[data-language-choice]');
        expect(await choices.count()).toBe(2);
        const boxes = [await choices.nth(0).boundingBox(), await choices.nth(1).boundingBox()];
        for (const box of boxes) {
          expect(box?.height).toBeGreaterThanOrEqual(44);
          expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
        }
        const [ja, en] = boxes;
        if (width === 1280) expect(Math.abs((ja?.y ?? 0) - (en?.y ?? 1))).toBeLessThan(1);
        else expect(en?.y ?? 0).toBeGreaterThanOrEqual((ja?.y ?? 0) + (ja?.height ?? 0));
        expect(await textContrast(page, 'h1')).toBeGreaterThanOrEqual(4.5);
        // The theme is the reader's: a dark page in dark mode, a light one otherwise.
        const dark = await page.evaluate(() => {
          const [r = 0, g = 0, b = 0] = (getComputedStyle(document.body).backgroundColor.match(/\d+/g) ?? []).map(Number);
          return r + g + b < 3 * 128;
        });
        expect(dark).toBe(scheme === 'dark');
        await choices.nth(1).click();
        await page.waitForURL(/\/en\/$/);
      } finally {
        await page.context().close();
      }
    });
  });
});

describe('the root page with JavaScript', () => {
  test.each([['fr-FR', '/'], ['en-US', '/en/'], ['ja-JP', '/ja/']])('a browser preferring %s lands on %s', async (locale, expected) => {
    const page = await openPage(site, '/', 375, 'light', { locale });
    try {
      if (expected !== '/') await page.waitForURL(`**${expected}`);
      expect(new URL(page.url()).pathname).toBe(expected);
    } finally {
      await page.context().close();
    }
  });
});
