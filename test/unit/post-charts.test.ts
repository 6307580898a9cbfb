import { describe, expect, test } from 'vitest';
import { getPostPages } from '../../src/lib/post-views.ts';
import type { ChartSpec } from '../../src/lib/charts.ts';
import type { SitePost } from '../../src/lib/site-model.ts';
import { getPostChart, getPostCharts, getSiteCharts } from '../../src/site/post-charts.ts';
import { chartPngSize } from '../../src/site/render-chart.ts';
import { makeModel } from '../helpers/model.ts';

/** A feature's declared chart, as frontmatter lines. */
const FORWARD_PE = [
  'charts:',
  '  - id: forward-pe',
  '    type: bar',
  '    title: { ja: "ETFの予想PER(倍)", en: "Forward P/E of index ETFs (times)" }',
  '    unit: multiple',
  '    labels: [IWM, IWV, SPY, IWO]',
  '    datasets:',
  '      - label: { ja: "予想PER", en: "Forward P/E" }',
  '        values: [24.64, 22.32, 22.5, 36.38]',
  '    source: MarketWatch',
];

const site = makeModel([
  { date: '2026-02-13', topics: ['small-cap-growth'], body: '<Chart name="weekly-change" />\n\nText.\n\n<Chart name="rebased" />\n<Chart name="relative-strength" />' },
  { date: '2025-10-10', slug: 'q3-small-caps', topics: ['valuations'], frontmatter: FORWARD_PE },
]);
const weekly = site.posts.find((post) => post.slug === '2026-02-13') as SitePost;
const feature = site.posts.find((post) => post.slug === '2025-10-10-q3-small-caps') as SitePost;

describe('getPostCharts', () => {
  test('lists a weekly post\'s charts in the order its body places them', () => {
    for (const locale of ['ja', 'en'] as const) {
      expect(getPostCharts(site, weekly, locale).map((chart) => `${chart.name}:${chart.placement}`)).toEqual([
        'weekly-change:body', 'rebased:body', 'relative-strength:body',
      ]);
    }
  });

  test('gives feeds and social cards the PNG, its size, a title and alt text in the language asked for', () => {
    const [first] = getPostCharts(site, feature, 'en');
    expect(first).toMatchObject({
      name: 'forward-pe',
      placement: 'after-body',
      title: 'Forward P/E of index ETFs (times)',
      alt: 'Bar chart "Forward P/E of index ETFs (times)". IWM 24.64x; IWV 22.32x; SPY 22.50x; IWO 36.38x.',
      width: 1200,
      height: chartPngSize(first?.spec as ChartSpec).height,
      csvName: 'forward-pe-2025-10-10-en.csv',
      sourceLine: 'Source: MarketWatch',
    });
    expect(first?.pngUrl).toBe(`/charts/${first?.hash}.png`);
    expect(first?.csvUrl).toBe(`/charts/${first?.hash}.csv`);
    expect(getPostCharts(site, feature, 'ja')[0]?.title).toBe('ETFの予想PER(倍)');
  });

  test('sizes each PNG for its chart: three bars short, a line chart 16:9', () => {
    const sizes = Object.fromEntries(getPostCharts(site, weekly, 'en').map((chart) => [chart.name, chart.height / chart.width]));
    expect(sizes['weekly-change']).toBeLessThan(0.4);
    expect(sizes['relative-strength']).toBe(9 / 16);
  });

  test('credits the weekly post\'s data source once, under its last chart', () => {
    expect(getPostCharts(site, weekly, 'en').map((chart) => chart.sourceLine)).toEqual([
      undefined,
      undefined,
      'Source of all charts in this post: Index closes: test data.',
    ]);
  });

  test('adds the three built-ins after the body of a weekly post that places none', () => {
    const model = makeModel([{ date: '2026-02-13', topics: ['small-cap-growth'], locales: ['ja'], body: 'Body without charts; `<Chart name="rebased" />` in code is text.' }]);
    const post = model.posts[0] as SitePost;
    expect(getPostCharts(model, post, 'ja').map((chart) => `${chart.name}:${chart.placement}`)).toEqual([
      'relative-strength:after-body', 'rebased:after-body', 'weekly-change:after-body',
    ]);
  });
});

describe('getPostChart', () => {
  test('names the file when a body places a chart the page does not have', () => {
    expect(() => getPostChart(site, feature, 'en', 'nope')).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/en/2025/2025-10-10-q3-small-caps.mdx: <Chart name="nope" />: no such chart on this page.]`,
    );
  });
});

describe('getSiteCharts', () => {
  // Two features of one day declaring the same chart show the same spec on four pages (two Japanese,
  // two English fallbacks): two files, not four. The draft's charts are published nowhere.
  const model = makeModel([
    { date: '2026-02-13', topics: ['small-cap-growth'] },
    { date: '2026-02-06', topics: ['small-cap-growth'], locales: ['ja'] },
    { date: '2026-01-30', topics: ['small-cap-growth'], draft: true },
    { date: '2025-10-10', slug: 'a', topics: ['valuations'], locales: ['ja'], frontmatter: FORWARD_PE },
    { date: '2025-10-10', slug: 'b', topics: ['valuations'], locales: ['ja'], frontmatter: FORWARD_PE },
  ]);
  const charts = getSiteCharts(model);
  const hashesOf = (posts: readonly SitePost[]) => getPostPages(posts).flatMap((page) => getPostCharts(model, page.post, page.locale).map((chart) => chart.hash));

  test('publishes every chart of every visible page', () => {
    expect(new Set(charts.map((chart) => chart.hash))).toEqual(new Set(hashesOf(model.visiblePosts)));
  });

  test('publishes a chart several pages show once', () => {
    // 3 built-ins × 2 pages for each weekly post, and the shared feature chart in two languages.
    expect(hashesOf(model.visiblePosts)).toHaveLength(16);
    expect(charts).toHaveLength(14);
  });

  test('publishes no chart of a draft', () => {
    const draft = model.posts.find((post) => post.slug === '2026-01-30') as SitePost;
    const published = new Set(charts.map((chart) => chart.hash));
    expect(hashesOf([draft]).filter((hash) => published.has(hash))).toEqual([]);
  });
});
