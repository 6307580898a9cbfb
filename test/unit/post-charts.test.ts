import { describe, expect, test } from 'vitest';
import type { SitePost } from '../../src/lib/site-model.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { getPostChart, getPostCharts, getSiteCharts } from '../../src/site/post-charts.ts';
import { loadSite } from '../../src/site/read-content.ts';
import { CHART_PNG_SIZE } from '../../src/site/render-chart.ts';
import { TEST_NOW } from '../helpers/build-site.ts';
import { makeModel } from '../helpers/model.ts';

const site = loadSite(readEnvironment({ SHUHO_NOW: TEST_NOW }));
const weekly = site.posts.find((post) => post.slug === '2026-02-13') as SitePost;
const feature = site.posts.find((post) => post.slug === '2025-10-10-q3-small-caps') as SitePost;

describe('getPostCharts', () => {
  test('lists the sample weekly post\'s charts in the order its body places them', () => {
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
      title: 'Forward P/E of index ETFs (times)',
      alt: 'Bar chart "Forward P/E of index ETFs (times)". IWM 24.64x; IWV 22.32x; SPY 22.50x; IWO 36.38x.',
      width: CHART_PNG_SIZE.width,
      height: CHART_PNG_SIZE.height,
      csvName: 'forward-pe-2025-10-10-en.csv',
    });
    expect(first?.pngUrl).toBe(`/charts/${first?.hash}.png`);
    expect(first?.csvUrl).toBe(`/charts/${first?.hash}.csv`);
    expect(getPostCharts(site, feature, 'ja')[0]?.title).toBe('ETFの予想PER(倍)');
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
  test('publishes each distinct chart of every visible page once', () => {
    const charts = getSiteCharts(site);
    expect(charts).toHaveLength(14);
    expect(new Set(charts.map((chart) => chart.hash)).size).toBe(14);
  });
});
