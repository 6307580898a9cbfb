import type { Browser, BrowserContext, Locator, Page as BrowserPage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser, serveDir, type StaticSite } from '../helpers/browser.ts';
import { SAMPLE_DIST } from '../helpers/build-site.ts';

/*
 * The sample posts in Chromium: each chart loads Chart.js only when it nears the viewport, draws,
 * shows tooltips written for the page's language, logs no error; without JavaScript the PNGs and
 * tables stand in.
 */

let browser: Browser;
let site: StaticSite;

beforeAll(async () => {
  site = await serveDir(SAMPLE_DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** A page that records console errors, uncaught exceptions and failed requests. */
async function open(context: BrowserContext, pathname: string): Promise<{ page: BrowserPage; errors: string[]; requests: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('requestfailed', (request) => errors.push(`failed: ${request.url()}`));
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`${site.origin}${pathname}`);
  return { page, errors, requests };
}

/** Scrolls a chart into view and waits until Chart.js has drawn it and its animation has ended. */
async function drawn(figure: Locator): Promise<Locator> {
  await figure.scrollIntoViewIfNeeded();
  await figure.locator('canvas.chart-canvas').waitFor();
  await figure.page().waitForFunction((element) => element?.hasAttribute('data-chart-drawn'), await figure.elementHandle());
  await figure.page().waitForTimeout(400);
  return figure.locator('canvas.chart-canvas');
}

/** How many pixels of the canvas are painted (not transparent). */
function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element: HTMLCanvasElement) => {
    const context = element.getContext('2d');
    if (!context) return 0;
    const { data } = context.getImageData(0, 0, element.width, element.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted += 1;
    return painted;
  });
}

/** Records every text a canvas on the page writes, with the chart it belongs to: what a reader sees drawn. */
function recordCanvasTexts(): void {
  const drawn: { chart: string | null; text: string }[] = [];
  (window as unknown as { canvasTexts: typeof drawn }).canvasTexts = drawn;
  const fillText = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    drawn.push({ chart: this.canvas.closest('figure')?.getAttribute('data-chart') ?? null, text });
    if (maxWidth === undefined) fillText.call(this, text, x, y);
    else fillText.call(this, text, x, y, maxWidth);
  };
}

/** The texts drawn so far on the canvas of the chart named `name`. */
function textsOf(page: BrowserPage, name: string): Promise<string[]> {
  return page.evaluate((chart) => (window as unknown as { canvasTexts: { chart: string | null; text: string }[] }).canvasTexts.filter((entry) => entry.chart === chart).map((entry) => entry.text), name);
}

/** Hovers a point of the canvas given as fractions of its width and height, and returns the tooltip's lines. */
async function hover(figure: Locator, x: number, y: number): Promise<string[]> {
  const box = await figure.locator('canvas.chart-canvas').boundingBox();
  if (!box) throw new Error('the chart has no box');
  await figure.page().mouse.move(box.x + box.width * x, box.y + box.height * y);
  const tooltip = figure.locator('.chart-tooltip:not([hidden])');
  await tooltip.waitFor();
  return (await tooltip.locator('p').allInnerTexts()).map((line) => line.trim());
}

/**
 * Hovers the last point of a line chart: moving in from the right edge, the first position inside
 * the plot area is nearest the last week. Returns the tooltip's lines there.
 */
async function hoverRightmost(figure: Locator): Promise<string[]> {
  const box = await figure.locator('canvas.chart-canvas').boundingBox();
  if (!box) throw new Error('the chart has no box');
  const tooltip = figure.locator('.chart-tooltip:not([hidden])');
  for (let x = box.x + box.width - 1; x > box.x + box.width * 0.9; x -= 3) {
    await figure.page().mouse.move(x, box.y + box.height / 2);
    await figure.page().waitForTimeout(60);
    if (await tooltip.isVisible()) return (await tooltip.locator('p').allInnerTexts()).map((line) => line.trim());
  }
  throw new Error('no tooltip near the right end of the chart');
}

const WEEKLY = {
  ja: {
    lastWeek: '2026年2月13日',
    ratio: ['R2000G ÷ S&P 500: 25.01%', '26週移動平均: 24.64%'],
    change: ['R2000G', '騰落率: −1.40%'],
    credit: '指数終値: Yahoo Finance 公表値(DeanFinancials/deanfi-data、MIT ライセンス)より。',
  },
  en: {
    lastWeek: 'Feb 13, 2026',
    ratio: ['R2000G ÷ S&P 500: 25.01%', '26-week moving average: 24.64%'],
    change: ['R2000G', 'Change %: −1.40%'],
    credit: 'Index closes as published by Yahoo Finance, collected in DeanFinancials/deanfi-data (MIT licence).',
  },
} as const;

describe.each(['ja', 'en'] as const)('the %s weekly post with JavaScript', (locale) => {
  let context: BrowserContext;
  let page: BrowserPage;
  let errors: string[];

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
    await context.addInitScript(recordCanvasTexts);
    ({ page, errors } = await open(context, `/${locale}/posts/2026-02-13/`));
  });

  afterAll(async () => {
    await context?.close();
  });

  test('draws every chart once it is scrolled into view, in the box reserved for it', async () => {
    const figures = await page.locator('figure[data-chart]').all();
    expect(figures).toHaveLength(3);
    for (const figure of figures) {
      const box = figure.locator('[data-chart-box]');
      const before = await box.boundingBox();
      const canvas = await drawn(figure);
      expect(await paintedPixels(canvas), await figure.getAttribute('data-chart') ?? '').toBeGreaterThan(2000);
      // Drawing does not move or resize the box: no layout shift.
      expect((await box.boundingBox())?.height).toBeCloseTo(before?.height ?? 0, 0);
      // The box has the proportions of the chart's PNG, so the image without JavaScript fills the same space.
      const image = figure.locator('img.chart-image');
      const [width, height] = [Number(await image.getAttribute('width')), Number(await image.getAttribute('height'))];
      expect(((before?.height ?? 0) / (before?.width ?? 1))).toBeCloseTo(height / width, 2);
    }
  });

  test('gives the three weekly bars a short box, and the line charts 16:9', async () => {
    const heightOf = async (name: string) => {
      const box = await page.locator(`figure[data-chart="${name}"] [data-chart-box]`).boundingBox();
      return { width: box?.width ?? 0, height: box?.height ?? 0 };
    };
    const bars = await heightOf('weekly-change');
    expect(bars.height).toBeLessThan(0.4 * bars.width);
    expect(bars.height).toBeLessThan(260);
    const line = await heightOf('relative-strength');
    expect(line.height / line.width).toBeCloseTo(9 / 16, 2);
  });

  test('writes each bar\'s value, each line\'s last value at its end, and ends the date axis on the as-of date', async () => {
    for (const name of ['weekly-change', 'relative-strength', 'rebased']) await drawn(page.locator(`figure[data-chart="${name}"]`));
    // Two decimals, as the table writes them: the axis ticks have one.
    expect(await textsOf(page, 'weekly-change')).toEqual(expect.arrayContaining(['−1.40%', '−1.39%', '−1.23%']));
    const relative = await textsOf(page, 'relative-strength');
    expect(relative).toEqual(expect.arrayContaining(['25.01%', '24.64%', WEEKLY[locale].lastWeek]));
    expect(await textsOf(page, 'rebased')).toEqual(expect.arrayContaining(['113.4', '111.8', '111.1', WEEKLY[locale].lastWeek]));
  });

  test('credits the data source once on the page, under the last chart', async () => {
    const captions = await page.locator('figure[data-chart] figcaption').allInnerTexts();
    expect(captions.filter((caption) => caption.includes(WEEKLY[locale].credit))).toHaveLength(1);
    expect(captions.at(-1)).toContain(WEEKLY[locale].credit);
  });

  test('shows the last week\'s ratio and average in the page\'s language when hovering the end of the line', async () => {
    const figure = page.locator('figure[data-chart="relative-strength"]');
    await drawn(figure);
    const lines = await hoverRightmost(figure);
    expect(lines).toEqual([WEEKLY[locale].lastWeek, ...WEEKLY[locale].ratio]);
  });

  test('shows the weekly change with a true minus sign and two decimals when hovering a bar', async () => {
    const figure = page.locator('figure[data-chart="weekly-change"]');
    await drawn(figure);
    // The bars lie on their side, R2000G's on top.
    const lines = await hover(figure, 0.6, 0.2);
    expect(lines).toEqual([...WEEKLY[locale].change]);
  });

  test('logs no error', () => {
    expect(errors).toEqual([]);
  });
});

describe('loading Chart.js', () => {
  test('waits until a chart comes near the viewport', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 300 } });
    const { page, errors, requests } = await open(context, '/en/posts/2025-10-10-q3-small-caps/');
    const first = page.locator('figure[data-chart]').first();
    const top = (await first.boundingBox())?.y ?? 0;
    // The loader starts one screen ahead, so the first chart must start further down than that.
    expect(top).toBeGreaterThan(2 * 300);
    await page.waitForLoadState('networkidle');
    expect(requests.some((request) => request.includes('chart-runtime'))).toBe(false);
    await drawn(first);
    expect(requests.filter((request) => request.includes('chart-runtime'))).toHaveLength(1);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe.each(['ja', 'en'] as const)('the %s weekly post without JavaScript', (locale) => {
  test('shows each chart\'s PNG and, opened, its table', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1000, height: 800 } });
    const { page, errors } = await open(context, `/${locale}/posts/2026-02-13/`);
    const figures = await page.locator('figure[data-chart]').all();
    expect(figures).toHaveLength(3);
    for (const figure of figures) {
      const image = figure.locator('img');
      await image.scrollIntoViewIfNeeded();
      await page.waitForFunction((element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth > 0, await image.elementHandle());
      // The PNG's own size, which the page reserved for it.
      const size = [Number(await image.getAttribute('width')), Number(await image.getAttribute('height'))];
      expect(size[0]).toBe(1200);
      expect(await image.evaluate((element: HTMLImageElement) => [element.naturalWidth, element.naturalHeight])).toEqual(size);
      const shown = await image.boundingBox();
      expect((shown?.height ?? 0) / (shown?.width ?? 1)).toBeCloseTo((size[1] ?? 0) / (size[0] ?? 1), 2);
      expect((await image.boundingBox())?.width).toBeGreaterThan(300);
      expect(await figure.locator('canvas.chart-canvas').count()).toBe(0);
      const table = figure.locator('table');
      expect(await table.isVisible()).toBe(false);
      await figure.locator('summary').click();
      expect(await table.isVisible()).toBe(true);
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
