import { describe, expect, test } from 'vitest';
import {
  availableCharts, buildCustomChart, buildPostChart, buildRebasedChart, buildRelativeStrengthChart,
  buildWeeklyChangeChart, chartSourceLines, planPostCharts, type ChartData, type ChartedPost,
} from '../../src/lib/charts.ts';
import { shiftWeek } from '../../src/lib/dates.ts';
import type { CustomChart } from '../../src/lib/frontmatter.ts';
import type { Observation } from '../../src/lib/series.ts';
import type { SitePost } from '../../src/lib/site-model.ts';
import { TEST_NOW } from '../helpers/build-site.ts';
import { makeRegistry } from '../helpers/content.ts';
import { makeModel } from '../helpers/model.ts';

const AS_OF = '2026-02-13';
/**
 * Six weeks up to the post and one after it, which no chart of the post may show. Ratios
 * (R2000G ÷ S&P 500): 25, 26, 25.5, 25, 27.5, 27.22…, then 30; a three-week average keeps them short.
 */
const CLOSES = {
  '2026-01-09': { russell2000growth: 1000, sp500: 4000, djia: 40000 },
  '2026-01-16': { russell2000growth: 1040, sp500: 4000, djia: 40400 },
  '2026-01-23': { russell2000growth: 1020, sp500: 4000, djia: 40000 },
  '2026-01-30': { russell2000growth: 1000, sp500: 4000, djia: 40000 },
  '2026-02-06': { russell2000growth: 1100, sp500: 4000, djia: 40000 },
  '2026-02-13': { russell2000growth: 1078, sp500: 3960, djia: 40200 },
  '2026-02-20': { russell2000growth: 1200, sp500: 4000, djia: 40000 },
};
const site = makeModel([{ date: AS_OF, topics: ['small-cap-growth'] }], TEST_NOW, { closes: CLOSES, site: { movingAverageWeeks: 3 } });
const weekly = site.posts[0] as SitePost;

/** Observations of consecutive weeks from `firstFriday`, one close each. */
function weeklyObservations(firstFriday: string, closes: readonly number[]): Observation[] {
  return closes.map((close, i) => ({ date: shiftWeek(firstFriday, i), week: shiftWeek(firstFriday, i), close }));
}

describe('buildRelativeStrengthChart', () => {
  const ja = buildRelativeStrengthChart(site, AS_OF, 'ja');
  const en = buildRelativeStrengthChart(site, AS_OF, 'en');

  test('covers every week from the start of the series to the as-of date, and nothing after', () => {
    expect(ja.dates).toEqual(['2026-01-09', '2026-01-16', '2026-01-23', '2026-01-30', '2026-02-06', AS_OF]);
    expect(ja.categories).toHaveLength(6);
    expect(ja.series.map((series) => series.values.length)).toEqual([6, 6]);
  });

  test('plots the ratio of the closes and its moving average, rounded to four decimals', () => {
    const [ratio, average] = ja.series;
    expect(ratio?.values).toEqual([25, 26, 25.5, 25, 27.5, 27.2222]);
    expect(average?.values.at(-1)).toBe(Math.round(((25 + 27.5 + (1078 / 3960) * 100) / 3) * 10_000) / 10_000);
  });

  test('leaves the average empty until its window is full', () => {
    expect(ja.series[1]?.values.slice(0, 3)).toEqual([null, null, 25.5]);
  });

  test('labels dates, title and legend in the page language', () => {
    expect(ja.categories.at(-1)).toBe('2026年2月13日');
    expect(en.categories.at(-1)).toBe('Feb 13, 2026');
    expect(ja.title).toBe('R2000G ÷ S&P 500の相対比率と3週移動平均');
    expect(en.series.map((series) => series.label)).toEqual(['R2000G ÷ S&P 500', '3-week moving average']);
    expect(en.caption).toEqual({ asOf: 'As of February 13, 2026', unit: 'Unit: percent (%)' });
    expect(en.source).toBe('Index closes: test data.');
  });

  test('draws the ratio in the numerator index colour and the average dashed, so colour is not the only cue', () => {
    expect(ja.series.map((series) => [series.color, series.dash])).toEqual([['#0f6fc6', 'solid'], ['#56606b', 'dashed']]);
  });

  test('summarises the chart in its alt text', () => {
    expect(en.alt).toBe(
      'Line chart "Relative strength: R2000G ÷ S&P 500 and its 3-week average" from Jan 9, 2026 to Feb 13, 2026. ' +
        'R2000G ÷ S&P 500 went from 25.00% to 27.22%; 3-week moving average went from 25.50% to 26.57%.',
    );
  });

  test('refuses a date with no ratio', () => {
    expect(() => buildRelativeStrengthChart(site, '2026-01-02', 'en')).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: relative-strength: no ratio of russell2000growth and sp500 in the week of 2026-01-02]`,
    );
  });

  test('has a category for every week and null where a week is missing', () => {
    const ratio = site.ratio.filter((point) => point.week !== '2026-01-23');
    const spec = buildRelativeStrengthChart({ ...site, ratio }, AS_OF, 'en');
    expect(spec.dates).toHaveLength(6);
    expect(spec.series[0]?.values.slice(1, 4)).toEqual([26, null, 25]);
  });
});

describe('buildRebasedChart', () => {
  test('starts 52 weeks before the as-of date at 100 for every index and ends on the as-of date', () => {
    // Sixty weeks of history: the chart starts at the eighth, 2025-02-14.
    const first = shiftWeek(AS_OF, -59);
    const long: ChartData = {
      registry: site.registry,
      series: new Map([
        ['russell2000growth', weeklyObservations(first, Array.from({ length: 60 }, (_, i) => 100 + i))],
        ['sp500', weeklyObservations(first, Array.from({ length: 60 }, () => 4000))],
        ['djia', weeklyObservations(first, Array.from({ length: 60 }, (_, i) => 40000 - i))],
      ]),
      ratio: [],
    };
    const spec = buildRebasedChart(long, AS_OF, 'en');
    expect(spec.dates?.[0]).toBe('2025-02-14');
    expect(spec.dates?.at(-1)).toBe(AS_OF);
    expect(spec.dates).toHaveLength(53);
    expect(spec.series.map((series) => series.values[0])).toEqual([100, 100, 100]);
    expect(spec.series[0]?.values.at(-1)).toBeCloseTo((159 / 107) * 100, 4);
    expect(spec.baseline).toBe(100);
    expect(spec.title).toBe('Indices rebased to 100 on February 14, 2025');
  });

  test('rebases the whole series when it is shorter than a year, ending on each close over its first', () => {
    const spec = buildRebasedChart(site, AS_OF, 'en');
    expect(spec.dates?.[0]).toBe('2026-01-09');
    expect(spec.series.map((series) => series.label)).toEqual(['R2000G', 'S&P 500', 'Dow']);
    expect(spec.series.map((series) => [series.values[0], series.values.at(-1)])).toEqual([[100, 107.8], [100, 99], [100, 100.5]]);
  });

  test('takes a holiday week\'s Thursday close as the base when that is the week 52 weeks back', () => {
    const observations: Observation[] = [
      { date: '2025-04-11', week: '2025-04-11', close: 50 },
      { date: '2025-04-17', week: '2025-04-18', close: 100 },
      { date: '2025-04-25', week: '2025-04-25', close: 110 },
      { date: '2026-04-17', week: '2026-04-17', close: 120 },
    ];
    const registry = makeRegistry();
    const data: ChartData = { registry: { ...registry, indices: registry.indices.slice(0, 1) }, series: new Map([['russell2000growth', observations]]), ratio: [] };
    const spec = buildRebasedChart(data, '2026-04-17', 'en');
    expect(spec.dates?.[0]).toBe('2025-04-17');
    expect(spec.dates).toHaveLength(53);
    // Every week is a category; the weeks without a close are gaps, not a line drawn across them.
    expect(spec.series[0]?.values.slice(0, 3)).toEqual([100, 110, null]);
    expect(spec.series[0]?.values.at(-1)).toBe(120);
  });
});

describe('buildWeeklyChangeChart', () => {
  const ja = buildWeeklyChangeChart(site, weekly.figures as NonNullable<SitePost['figures']>, 'ja');

  test('has one bar per index with its change on the week, signed, in registry colours, laid on its side', () => {
    expect(ja.categories).toEqual(['R2000G', 'S&P 500', 'NYダウ']);
    expect(ja.horizontal).toBe(true);
    expect(ja.series[0]?.values).toEqual([-2, -1, 0.5]);
    expect(ja.series[0]?.barColors).toEqual(['#0f6fc6', '#d35400', '#6c7a89']);
    expect(ja.format).toEqual({ decimals: 2, signed: true, template: '{value}%' });
    expect(ja.alt).toBe('棒グラフ「2026年2月13日までの1週間の騰落率」。R2000G −2.00%、S&P 500 −1.00%、NYダウ +0.50%。');
  });
});

const FORWARD_PE: CustomChart = {
  id: 'forward-pe',
  type: 'bar',
  title: { ja: 'ETFの予想PER(倍)', en: 'Forward P/E of index ETFs (times)' },
  unit: 'multiple',
  labels: ['IWM', 'IWV', 'SPY', 'IWO'],
  datasets: [{ label: { ja: '予想PER', en: 'Forward P/E' }, values: [24.64, 22.32, 22.5, 36.38] }],
  source: 'MarketWatch',
  horizontal: false,
};
const Q3_RETURNS: CustomChart = {
  id: 'q3-index-returns',
  type: 'bar',
  title: { ja: '2025年7〜9月期の指数リターン', en: 'Index returns, Q3 2025' },
  unit: 'percent',
  labels: [{ ja: '米国小型株', en: 'US Small Cap' }, { ja: '米国大型株', en: 'US Large Cap' }],
  // YAML reads 8.0 as 8: the precision comes from the other values.
  datasets: [{ label: { ja: '7〜9月期リターン', en: 'Q3 return' }, values: [8, 7.8] }],
  source: 'Morningstar',
  horizontal: true,
};
const FEATURE_DATE = '2025-10-10';
const BUILT_IN_NAMES = ['weekly-change', 'rebased', 'relative-strength'] as const;

describe('buildCustomChart', () => {
  test('keeps the values and labels the author declared, localized', () => {
    const ja = buildCustomChart(FORWARD_PE, FEATURE_DATE, 'ja');
    expect(ja.categories).toEqual(['IWM', 'IWV', 'SPY', 'IWO']);
    expect(ja.series[0]?.values).toEqual([24.64, 22.32, 22.5, 36.38]);
    expect(ja.series[0]?.label).toBe('予想PER');
    expect(ja.format).toEqual({ decimals: 2, signed: false, template: '{value}倍' });
    expect(buildCustomChart(FORWARD_PE, FEATURE_DATE, 'en').format.template).toBe('{value}x');
    expect(buildCustomChart(Q3_RETURNS, FEATURE_DATE, 'ja').categories).toEqual(['米国小型株', '米国大型株']);
  });

  test('writes values to the precision the author wrote them', () => {
    const spec = buildCustomChart(Q3_RETURNS, FEATURE_DATE, 'en');
    expect(spec.format.decimals).toBe(1);
    expect(spec.alt).toBe('Bar chart "Index returns, Q3 2025". US Small Cap 8.0%; US Large Cap 7.8%.');
  });

  test('passes on the horizontal layout and dates the chart by the post', () => {
    const spec = buildCustomChart(Q3_RETURNS, FEATURE_DATE, 'en');
    expect(spec.horizontal).toBe(true);
    expect(spec.asOf).toBe(FEATURE_DATE);
    expect(spec.source).toBe('Morningstar');
  });
});

describe('no look-ahead', () => {
  test('a weekly post\'s charts are the same whether or not the series runs past its date', () => {
    expect(site.series.get('russell2000growth')?.at(-1)?.date).toBe('2026-02-20');
    const truncated: ChartData = {
      registry: site.registry,
      series: new Map([...site.series].map(([id, observations]) => [id, observations.filter((observation) => observation.date <= AS_OF)])),
      ratio: site.ratio.filter((point) => point.date <= AS_OF),
    };
    for (const name of ['relative-strength', 'rebased', 'weekly-change']) {
      for (const locale of ['ja', 'en'] as const) {
        expect(buildPostChart(site, weekly, name, locale)).toEqual(buildPostChart(truncated, weekly, name, locale));
      }
    }
  });
});

describe('planPostCharts', () => {
  const weeklyPost: ChartedPost = { kind: 'weekly', date: AS_OF, figures: weekly.figures, charts: [] };
  const featurePost: ChartedPost = { kind: 'feature', date: FEATURE_DATE, figures: undefined, charts: [FORWARD_PE, Q3_RETURNS] };
  const file = 'content/posts/ja/2026/2026-02-13.mdx';

  test('gives a weekly post that places no built-in chart all three after its body', () => {
    expect(planPostCharts(weeklyPost, [], file)).toEqual([
      { name: 'relative-strength', placement: 'after-body' },
      { name: 'rebased', placement: 'after-body' },
      { name: 'weekly-change', placement: 'after-body' },
    ]);
  });

  test('shows only the built-ins a weekly post places, where it places them', () => {
    expect(planPostCharts(weeklyPost, ['weekly-change'], file)).toEqual([{ name: 'weekly-change', placement: 'body' }]);
  });

  test('adds a declared chart the body never places after the body', () => {
    expect(planPostCharts(featurePost, ['q3-index-returns'], 'f.mdx').map((chart) => `${chart.name}:${chart.placement}`)).toEqual([
      'q3-index-returns:body', 'forward-pe:after-body',
    ]);
  });

  test('refuses a name the post has no chart for, listing those it has', () => {
    expect(() => planPostCharts({ ...featurePost, charts: [FORWARD_PE] }, ['rebased'], 'content/posts/ja/2025/x.mdx')).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/ja/2025/x.mdx: <Chart name="rebased" />: no such chart; this post has forward-pe.]`,
    );
  });

  test('offers relative strength only when the post has the ratio', () => {
    expect(availableCharts({ ...weeklyPost, figures: { date: AS_OF, week: AS_OF, indices: {}, relative: undefined } })).toEqual(['rebased', 'weekly-change']);
  });
});

describe('chartSourceLines', () => {
  const forwardPe = (locale: 'ja' | 'en') => buildCustomChart(FORWARD_PE, FEATURE_DATE, locale);
  const returns = (locale: 'ja' | 'en') => buildCustomChart(Q3_RETURNS, FEATURE_DATE, locale);
  const marketWatch = (locale: 'ja' | 'en') => buildCustomChart({ ...Q3_RETURNS, id: 'sectors', title: { ja: 'セクター別', en: 'Sectors' }, source: 'MarketWatch' }, FEATURE_DATE, locale);

  test('credits the data source of a weekly post\'s charts once, under the last chart, saying it covers them all', () => {
    const specs = BUILT_IN_NAMES.map((name) => buildPostChart(site, weekly, name, 'en'));
    expect(chartSourceLines(specs)).toEqual([undefined, undefined, 'Source of all charts in this post: Index closes: test data.']);
    const ja = BUILT_IN_NAMES.map((name) => buildPostChart(site, weekly, name, 'ja'));
    expect(chartSourceLines(ja)).toEqual([undefined, undefined, 'この記事のグラフの出典: 指数終値: テストデータ。']);
  });

  test('credits a source under the last chart drawn from it, naming the others it covers by title', () => {
    expect(chartSourceLines([forwardPe('en'), returns('en'), marketWatch('en')])).toEqual([
      undefined,
      'Source: Morningstar',
      'Source of this chart and of “Forward P/E of index ETFs (times)”: MarketWatch',
    ]);
    expect(chartSourceLines([forwardPe('ja'), returns('ja'), marketWatch('ja')])).toEqual([
      undefined,
      '出典: Morningstar',
      'このグラフと「ETFの予想PER(倍)」の出典: MarketWatch',
    ]);
  });

  test('credits a lone chart\'s source plainly, and a page without charts credits nothing', () => {
    expect(chartSourceLines([forwardPe('en')])).toEqual(['Source: MarketWatch']);
    expect(chartSourceLines([])).toEqual([]);
  });
});
