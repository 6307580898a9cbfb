import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatDate } from '../../src/i18n/format.ts';
import { formatChartValue } from '../../src/lib/chart-format.ts';
import { buildChartCsv, CHART_TABLE_ROWS, chartCsvName } from '../../src/lib/chart-data.ts';
import type { ChartSpec } from '../../src/lib/charts.ts';
import { chartPngSize } from '../../src/site/render-chart.ts';
import { buildSite, FIXTURE_CONTENT, SAMPLE_DIST, TMP } from '../helpers/build-site.ts';
import { getAttribute, readPages, textContent, type Element, type Page } from '../helpers/dist.ts';

/*
 * The sample site as built by the global setup: every chart on a post page has its PNG (a real PNG
 * of the expected size with a chart drawn on it), its data table and its CSV; pages without charts
 * load no chart code; and a second build with the first build's cache renders nothing again.
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const POST_PAGES = {
  'ja/posts/2026-02-13/index.html': ['weekly-change', 'rebased', 'relative-strength'],
  'en/posts/2026-02-13/index.html': ['weekly-change', 'rebased', 'relative-strength'],
  'ja/posts/2025-10-10-q3-small-caps/index.html': ['forward-pe', 'smallcap600-sectors', 'q3-index-returns', 'top-contributors'],
  'en/posts/2025-10-10-q3-small-caps/index.html': ['forward-pe', 'smallcap600-sectors', 'q3-index-returns', 'top-contributors'],
};

/** One chart figure as built: its elements and the spec embedded in it. */
interface BuiltChart {
  page: Page;
  figure: Element;
  spec: ChartSpec;
  descendants: Element[];
}

function descendantsOf(element: Element): Element[] {
  return element.childNodes.flatMap((child) => ('tagName' in child ? [child, ...descendantsOf(child)] : []));
}

function chartsOf(page: Page): BuiltChart[] {
  return page.elements
    .filter((element) => element.tagName === 'figure' && getAttribute(element, 'data-chart') !== undefined)
    .map((figure) => {
      const descendants = descendantsOf(figure);
      const data = descendants.find((element) => element.tagName === 'script' && getAttribute(element, 'data-chart-spec') !== undefined);
      return { page, figure, descendants, spec: JSON.parse(textContent(data as Element)) as ChartSpec };
    });
}

/** A chart's static image: the chart without JavaScript and in print (global.css shows it in place of the canvas). */
function chartImage(chart: BuiltChart): Element | undefined {
  return chart.descendants.find((element) => element.tagName === 'img' && getAttribute(element, 'class') === 'chart-image');
}

/** The share of pixels that differ from the top-left (background) pixel. */
async function drawnShare(png: Buffer): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const pixels = context.getImageData(0, 0, image.width, image.height).data;
  let drawn = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] !== pixels[0] || pixels[i + 1] !== pixels[1] || pixels[i + 2] !== pixels[2]) drawn += 1;
  }
  return drawn / (pixels.length / 4);
}

describe('charts in the built sample site', () => {
  const pages = readPages(SAMPLE_DIST);
  const byFile = new Map(pages.map((page) => [page.file, page]));
  const charts = Object.keys(POST_PAGES).flatMap((file) => chartsOf(byFile.get(file) as Page));

  test('each post page has its charts, in the language of the page, in the order the body places them', () => {
    for (const [file, names] of Object.entries(POST_PAGES)) {
      const page = byFile.get(file);
      expect(page, file).toBeDefined();
      const specs = chartsOf(page as Page).map((chart) => chart.spec);
      expect(specs.map((spec) => spec.id), file).toEqual(names);
      expect(new Set(specs.map((spec) => spec.locale)), file).toEqual(new Set([file.slice(0, 2)]));
    }
  });

  test('every chart has a PNG of its own size with a chart drawn on it, and a box of the same proportions', async () => {
    for (const chart of charts) {
      const image = chartImage(chart);
      const src = image && getAttribute(image, 'src');
      expect(src, chart.spec.id).toMatch(/^\/charts\/[0-9a-f]{16}\.png$/);
      expect(getAttribute(image as Element, 'alt')).toBe(chart.spec.alt);
      // Lazy: hidden on screen when JavaScript draws the chart, so never downloaded unless printed or needed.
      expect(getAttribute(image as Element, 'loading')).toBe('lazy');
      // Not a search result's image: Pagefind would take the first image after the h1.
      expect(getAttribute(image as Element, 'data-pagefind-ignore')).toBe('all');
      const size = chartPngSize(chart.spec);
      expect([getAttribute(image as Element, 'width'), getAttribute(image as Element, 'height')]).toEqual([String(size.width), String(size.height)]);
      // The empty canvas that holds the box open before anything draws has the PNG's proportions.
      const space = chart.descendants.find((element) => element.tagName === 'canvas' && getAttribute(element, 'class') === 'chart-space') as Element;
      expect([getAttribute(space, 'width'), getAttribute(space, 'height')]).toEqual([String(size.width), String(size.height)]);
      const png = readFileSync(path.join(SAMPLE_DIST, src as string));
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE), src).toBe(true);
      // IHDR is the first chunk: length, type, then width and height as big-endian integers.
      expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size.width, size.height]);
      expect(await drawnShare(png), src).toBeGreaterThan(0.03);
    }
  });

  test('sizes each chart for what it shows: the three weekly bars short, lines 16:9', () => {
    const heights = new Map(charts.map((chart) => [chart.spec.id, chartPngSize(chart.spec).height / chartPngSize(chart.spec).width]));
    expect(heights.get('weekly-change')).toBeLessThan(0.4);
    expect(heights.get('smallcap600-sectors')).toBeLessThan(0.4);
    expect(heights.get('relative-strength')).toBe(9 / 16);
  });

  test('chart PNGs are light: indexed colour, a median of at most 40 KB, at most 100 KB of images on the weekly post', () => {
    const pngs = readdirSync(path.join(SAMPLE_DIST, 'charts')).filter((file) => file.endsWith('.png')).map((file) => readFileSync(path.join(SAMPLE_DIST, 'charts', file)));
    // IHDR colour type 3: a palette, one byte a pixel.
    for (const png of pngs) expect(png[25]).toBe(3);
    const sizes = pngs.map((png) => png.length).sort((a, b) => a - b);
    const median = ((sizes[Math.floor((sizes.length - 1) / 2)] as number) + (sizes[Math.ceil((sizes.length - 1) / 2)] as number)) / 2;
    expect(median).toBeLessThanOrEqual(40 * 1024);
    for (const file of ['ja/posts/2026-02-13/index.html', 'en/posts/2026-02-13/index.html']) {
      const page = byFile.get(file) as Page;
      const images = [...new Set(page.elements.filter((element) => element.tagName === 'img').map((element) => getAttribute(element, 'src') as string))];
      expect(images.length, file).toBeGreaterThanOrEqual(3);
      const total = images.reduce((sum, src) => sum + statSync(path.join(SAMPLE_DIST, src)).size, 0);
      expect(total, file).toBeLessThanOrEqual(100 * 1024);
    }
  });

  test('publishes one PNG and one CSV per distinct chart and nothing else', () => {
    const files = readdirSync(path.join(SAMPLE_DIST, 'charts')).sort();
    const hashes = [...new Set(charts.map((chart) => getAttribute(chartImage(chart) as Element, 'src')?.slice(8, 24)))];
    expect(files).toEqual(hashes.flatMap((hash) => [`${hash}.csv`, `${hash}.png`]).sort());
  });

  test('every chart has a collapsed table of the plotted values: the latest year of them, saying so when there are more', () => {
    let longSeries = 0;
    for (const chart of charts) {
      const details = chart.descendants.find((element) => element.tagName === 'details');
      expect(details && getAttribute(details, 'open'), chart.spec.id).toBeUndefined();
      const rows = chart.descendants.filter((element) => element.tagName === 'tr');
      const first = Math.max(0, chart.spec.categories.length - CHART_TABLE_ROWS);
      expect(rows).toHaveLength(chart.spec.categories.length - first + 1);
      const header = rows[0] as Element;
      expect(descendantsOf(header).map((cell) => textContent(cell))).toEqual([chart.spec.categoryLabel, ...chart.spec.series.map((series) => series.label)]);
      rows.slice(1).forEach((row, i) => {
        const cells = descendantsOf(row).map((cell) => textContent(cell));
        expect(cells).toEqual([
          chart.spec.categories[first + i],
          ...chart.spec.series.map((series) => formatChartValue(chart.spec.locale, chart.spec.format, series.values[first + i] ?? null)),
        ]);
      });
      const note = chart.descendants.find((element) => getAttribute(element, 'data-table-latest') !== undefined);
      if (first > 0) {
        longSeries += 1;
        expect(note && textContent(note), chart.spec.id).toContain(String(chart.spec.categories.length));
      } else {
        expect(note, chart.spec.id).toBeUndefined();
      }
    }
    // The sample's relative-strength chart runs over 60-odd weeks: its table is cut to the latest year.
    expect(longSeries).toBeGreaterThan(0);
  });

  test('every chart links a CSV of exactly what it plots', () => {
    for (const chart of charts) {
      const link = chart.descendants.find((element) => element.tagName === 'a' && getAttribute(element, 'download') !== undefined) as Element;
      expect(getAttribute(link, 'download')).toBe(chartCsvName(chart.spec));
      const href = getAttribute(link, 'href') as string;
      expect(href).toMatch(/^\/charts\/[0-9a-f]{16}\.csv$/);
      // The page's spec has no ISO dates (the CSV alone uses them): each must be the date its category label shows.
      const csv = readFileSync(path.join(SAMPLE_DIST, href), 'utf8');
      const firstColumn = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((line) => line.split(',')[0] ?? '');
      const dates = firstColumn.every((cell) => /^\d{4}-\d{2}-\d{2}$/.test(cell)) ? firstColumn : undefined;
      if (dates) expect(dates.map((date) => formatDate(chart.spec.locale, date, 'short'))).toEqual(chart.spec.categories);
      expect(csv).toBe(buildChartCsv(dates ? { ...chart.spec, dates } : chart.spec));
      expect(chart.spec.dates).toBeUndefined();
    }
  });

  test('every chart has a caption with its title, as-of date and unit in the page language', () => {
    const weeklyJa = charts.find((chart) => chart.page.file.startsWith('ja/posts/2026') && chart.spec.id === 'weekly-change') as BuiltChart;
    const caption = textContent(weeklyJa.descendants.find((element) => element.tagName === 'figcaption') as Element);
    expect(caption).toBe('2026年2月13日までの1週間の騰落率2026年2月13日時点 · 単位: パーセント(%)');
    const featureEn = charts.find((chart) => chart.page.file.startsWith('en/posts/2025') && chart.spec.id === 'q3-index-returns') as BuiltChart;
    expect(textContent(featureEn.descendants.find((element) => element.tagName === 'figcaption') as Element)).toBe(
      'Index returns, Q3 2025As of October 10, 2025 · Unit: percent (%)',
    );
  });

  test('credits each data source once per post page, under the last chart drawn from it', () => {
    const sourceLines = (file: string) =>
      chartsOf(byFile.get(file) as Page).map((chart) => {
        const line = chart.descendants.find((element) => element.tagName === 'p' && getAttribute(element, 'class') === 'chart-meta chart-source');
        return line && textContent(line);
      });
    expect(sourceLines('ja/posts/2026-02-13/index.html')).toEqual([undefined, undefined, 'この記事のグラフの出典: 指数終値: Yahoo Finance 公表値(DeanFinancials/deanfi-data、MIT ライセンス)より。']);
    expect(sourceLines('en/posts/2025-10-10-q3-small-caps/index.html')).toEqual([
      undefined,
      'Source of this chart and of “Forward P/E of index ETFs (times)”: MarketWatch',
      undefined,
      'Source of this chart and of “Index returns, Q3 2025”: Morningstar',
    ]);
    // The long credit, once in all the post's chart captions together.
    const credit = 'Index closes as published by Yahoo Finance, collected in DeanFinancials/deanfi-data (MIT licence).';
    const captions = chartsOf(byFile.get('en/posts/2026-02-13/index.html') as Page)
      .map((chart) => textContent(chart.descendants.find((element) => element.tagName === 'figcaption') as Element))
      .join('\n');
    expect(captions.split(credit).length - 1).toBe(1);
  });

  test('pages with charts load one external chart script; pages without load no chart code at all', () => {
    // Only scripts a browser runs: JSON and JSON-LD data blocks are not code.
    const scriptsOf = (page: Page) => page.elements.filter((element) => element.tagName === 'script' && [undefined, 'module'].includes(getAttribute(element, 'type')));
    const [weekly] = charts;
    const chartScripts = scriptsOf((weekly as BuiltChart).page);
    expect(chartScripts).toHaveLength(1);
    const src = getAttribute(chartScripts[0] as Element, 'src') as string;
    expect(src).toMatch(/^\/_astro\/.+\.js$/);
    expect(textContent(chartScripts[0] as Element)).toBe('');
    const withoutCharts = pages.filter((page) => chartsOf(page).length === 0);
    expect(withoutCharts.length).toBeGreaterThan(3);
    for (const page of withoutCharts) {
      expect(page.html.includes(src), page.file).toBe(false);
      expect(page.html.includes('chart-runtime'), page.file).toBe(false);
      expect(page.html.includes('data-chart-spec'), page.file).toBe(false);
    }
  });
});

describe('the chart image cache', () => {
  const dir = path.join(TMP, 'charts-cache');
  let log = '';

  beforeAll(async () => {
    // The global setup's build left its cache beside the sample site; a copy keeps that one untouched.
    rmSync(dir, { recursive: true, force: true });
    const sampleCache = path.join(path.dirname(SAMPLE_DIST), 'cache', 'charts');
    if (existsSync(sampleCache)) cpSync(sampleCache, path.join(dir, 'cache', 'charts'), { recursive: true });
    const result = await buildSite({ outDir: path.join(dir, 'dist'), env: { SHUHO_CACHE_DIR: path.join(dir, 'cache') } });
    if (result.code !== 0) throw new Error(`the second build failed:\n${result.stdout}\n${result.stderr}`);
    log = result.stdout + result.stderr;
  });

  test('a second build of unchanged charts renders none of them and publishes the same images', () => {
    const pngs = readdirSync(path.join(SAMPLE_DIST, 'charts')).filter((file) => file.endsWith('.png'));
    expect(log.split('\n').find((line) => line.includes('[shuho:build]'))).toContain(`; ${pngs.length} chart images (0 drawn, ${pngs.length} reused from the cache)`);
    for (const file of pngs) {
      expect(readFileSync(path.join(dir, 'dist', 'charts', file)).equals(readFileSync(path.join(SAMPLE_DIST, 'charts', file))), file).toBe(true);
    }
  });
});

describe('a history with a gap far from any post', () => {
  const dir = path.join(TMP, 'charts-gap');
  let build = { code: -1, stdout: '', stderr: '' };
  let pages: Page[] = [];

  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    const content = path.join(dir, 'content');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const closes = path.join(content, 'data', 'closes.csv');
    const lines = readFileSync(closes, 'utf8').split('\n');
    writeFileSync(closes, lines.filter((line) => !line.startsWith('2025-07-11,')).join('\n'));
    build = await buildSite({ contentDir: content, outDir: path.join(dir, 'dist') });
    if (build.code === 0) pages = readPages(path.join(dir, 'dist'));
  });

  test('builds: a gap is a fact about the history, not an error, while no post needs that week', () => {
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0);
  });

  test('the charts show the gap as a gap: a week with no value, never a line drawn across it', () => {
    const page = pages.find((candidate) => candidate.file === 'en/posts/2026-02-13/index.html') as Page;
    const charts = chartsOf(page);
    for (const id of ['relative-strength', 'rebased']) {
      const spec = charts.find((chart) => chart.spec.id === id)?.spec as ChartSpec;
      const gap = spec.categories.indexOf(formatDate('en', '2025-07-11', 'short'));
      expect(gap, id).toBeGreaterThan(0);
      expect(spec.series[0]?.values[gap], id).toBeNull();
      expect(spec.series[0]?.values[gap - 1], id).not.toBeNull();
      expect(spec.series[0]?.values[gap + 1], id).not.toBeNull();
    }
    // The post's own 26 weeks are whole, so its moving average is there.
    const relative = charts.find((chart) => chart.spec.id === 'relative-strength')?.spec as ChartSpec;
    expect(relative.series[1]?.values.at(-1)).not.toBeNull();
  });
});
