import type { Browser, BrowserContext, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, serveDir, type StaticSite } from '../helpers/browser.ts';
import { SAMPLE_DIST } from '../helpers/build-site.ts';

/*
 * A post printed (the print section of src/styles/global.css) is an A4 report: with print media
 * emulated at the width of an A4 page inside its margins, the masthead keeps only the site's title;
 * navigation, the language switch, search, the skip link, the pager, related posts and the charts'
 * tables and CSV links are gone; every chart is its loaded PNG, not the canvas drawn for the screen;
 * key figures, risk watch, sources and disclaimer are there, black on white even for a reader in dark
 * mode, and nothing is wider than the paper. Then Chromium prints the post to a PDF: a few pages,
 * with every chart's PNG in them.
 */

/** The width inside the @page margins of global.css, in CSS pixels: A4's 210 mm less 2 × 15 mm. */
const PRINTABLE_WIDTH = Math.floor(((210 - 2 * 15) / 25.4) * 96);

const POSTS = [
  { path: '/ja/posts/2026-02-13/', charts: 3, parts: ['[data-key-figures]', '[data-risk-watch]', '.disclaimer'] },
  { path: '/en/posts/2026-02-13/', charts: 3, parts: ['[data-key-figures]', '[data-risk-watch]', '.disclaimer'] },
  { path: '/en/posts/2025-10-10-q3-small-caps/', charts: 4, parts: ['.sources', '.disclaimer'] },
];

/** On screen but not on paper; every post page has these. */
const SCREEN_ONLY = ['.skip-link', '.site-nav', '[data-lang-switch]', '.related', '.chart-data', '.chart-download', '[data-reading-time]', '.footer-nav'];
/** Not on paper either, when a page has them (these sample posts have neither). */
const SCREEN_ONLY_IF_PRESENT = ['.search', '.pager'];

let browser: Browser;
let context: BrowserContext;
let site: StaticSite;

beforeAll(async () => {
  site = await serveDir(SAMPLE_DIST);
  browser = await launchBrowser();
  // Dark mode, the harder case: the paper must still come out black on white.
  context = await browser.newContext({ viewport: { width: PRINTABLE_WIDTH, height: 900 }, colorScheme: 'dark' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** The selectors, of those given, that match an element the page renders (one with a box). */
function rendered(page: BrowserPage, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate(
    (list) => list.filter((selector) => [...document.querySelectorAll(selector)].some((element) => element.getClientRects().length > 0)),
    selectors,
  );
}

describe.each(POSTS)('$path printed', ({ path, charts, parts }) => {
  let page: BrowserPage;
  let pdf = '';
  const requested: string[] = [];
  let requestedOnScreen: string[] = [];
  let pngSizes: string[] = [];

  beforeAll(async () => {
    page = await context.newPage();
    page.on('request', (request) => {
      if (/\/charts\/[0-9a-f]+\.png$/.test(request.url())) requested.push(request.url());
    });
    await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
    // A reader prints after reading: every chart has been drawn on a canvas by then.
    for (const figure of await page.locator('figure[data-chart]').all()) {
      await figure.scrollIntoViewIfNeeded();
      await page.waitForFunction((element) => element?.hasAttribute('data-chart-drawn'), await figure.elementHandle());
    }
    expect(await page.locator('figure[data-chart] canvas.chart-canvas').count()).toBe(charts);
    // Each PNG's size, as the page announces it (chartPngSize in src/site/render-chart.ts: 1200 pixels across, as tall as the chart needs).
    pngSizes = await page.locator('figure[data-chart] .chart-image').evaluateAll((images) => images.map((image) => `${image.getAttribute('width')}×${image.getAttribute('height')}`));
    expect(await rendered(page, SCREEN_ONLY)).toEqual(SCREEN_ONLY);
    requestedOnScreen = [...requested];
    await page.emulateMedia({ media: 'print' });
    // The reader prints: Chromium loads the lazy chart images for the printout.
    pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  });

  test('on screen, with JavaScript drawing the charts, no chart PNG was downloaded', () => {
    // Counted up to printing: the printout's own requests come after.
    expect(requestedOnScreen).toEqual([]);
    expect(requested.length).toBeGreaterThanOrEqual(charts);
  });

  afterAll(async () => {
    await page?.close();
  });

  test('leaves out navigation, the language switch, search, the pager, related posts and the charts\' tables and CSV links', async () => {
    expect(await rendered(page, [...SCREEN_ONLY, ...SCREEN_ONLY_IF_PRESENT])).toEqual([]);
    expect(await page.locator('.site-title').isVisible()).toBe(true);
    // The footer's links go; its notices (publisher, trademarks) stay, with the page's own disclosures.
    expect(await rendered(page, ['[data-footer-notices]'])).toEqual(['[data-footer-notices]']);
  });

  test('shows the title, the as-of date and the post\'s parts, black on white', async () => {
    expect(await rendered(page, ['h1', '[data-post] .meta time', ...parts])).toEqual(['h1', '[data-post] .meta time', ...parts]);
    const colors = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return [style.color, style.backgroundColor];
    });
    expect(colors).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  });

  test('shows every chart as its loaded PNG across the page, not the canvas', async () => {
    const images = await page.locator('figure[data-chart] .chart-image').all();
    expect(images).toHaveLength(charts);
    for (const [i, image] of images.entries()) {
      const state = await image.evaluate((element: HTMLImageElement) => ({
        isLoaded: element.complete && element.naturalWidth > 0,
        size: `${element.naturalWidth}×${element.naturalHeight}`,
        width: element.getBoundingClientRect().width,
      }));
      expect(state.isLoaded).toBe(true);
      expect(state.size).toBe(pngSizes[i]);
      expect(state.width).toBeGreaterThan(0.9 * PRINTABLE_WIDTH);
    }
    expect(await rendered(page, ['figure[data-chart] canvas'])).toEqual([]);
  });

  test('has nothing wider than the printable width', async () => {
    const overflowing = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      const tooWide = [...document.body.querySelectorAll('*')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > limit + 0.5 || box.left < -0.5);
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
      return document.documentElement.scrollWidth > limit ? ['(the page scrolls sideways)', ...tooWide] : tooWide;
    });
    expect(overflowing).toEqual([]);
  });

  test('prints to an A4 PDF of a few pages with every chart\'s PNG in it', () => {
    // Chromium writes page and image dictionaries uncompressed; the page tree's own node is /Type /Pages.
    const pages = pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(8);
    const images = [...pdf.matchAll(/\/Subtype\s*\/Image\s*\/Width\s+(\d+)\s*\/Height\s+(\d+)/g)].map(([, width, height]) => `${width}×${height}`);
    expect(images.length).toBeGreaterThanOrEqual(charts);
    // Only the PNGs at their own size: a canvas drawn for the screen would be an image of another size.
    expect(new Set(images)).toEqual(new Set(pngSizes));
  });
});
