import { describe, expect, test } from 'vitest';
import {
  availableCharts, buildCustomChart, buildPostChart, buildRebasedChart, buildRelativeStrengthChart,
  buildWeeklyChangeChart, planPostCharts, type ChartData, type ChartedPost,
} from '../../src/lib/charts.ts';
import type { CustomChart } from '../../src/lib/frontmatter.ts';
import type { Observation } from '../../src/lib/series.ts';
import type { SitePost } from '../../src/lib/site-model.ts';
import { readEnvironment } from '../../src/site/environment.ts';
import { loadSite } from '../../src/site/read-content.ts';
import { TEST_NOW } from '../helpers/build-site.ts';

const site = loadSite(readEnvironment({ SHUHO_NOW: TEST_NOW }));
const weekly = site.posts.find((post) => post.slug === '2026-02-13') as SitePost;
const feature = site.posts.find((post) => post.slug === '2025-10-10-q3-small-caps') as SitePost;
const AS_OF = '2026-02-13';

describe('the sample data', () => {
  test('runs past the weekly post, so the charts below really have later data to leave out', () => {
    expect(site.series.get('russell2000growth')?.at(-1)?.date).toBe('2026-08-28');
    expect(site.ratio.at(-1)?.date).toBe('2026-08-28');
  });
});

describe('buildRelativeStrengthChart', () => {
  const ja = buildRelativeStrengthChart(site, AS_OF, 'ja');
  const en = buildRelativeStrengthChart(site, AS_OF, 'en');

  test('covers every week from the start of the series to the as-of date, and nothing after', () => {
    expect(ja.dates?.[0]).toBe('2024-11-22');
    expect(ja.dates?.at(-1)).toBe(AS_OF);
    expect(ja.dates).toHaveLength(65);
    expect(ja.categories).toHaveLength(65);
    expect(ja.series.map((series) => series.values.length)).toEqual([65, 65]);
  });

  test('ends on the published ratio and a moving average that gives the +0.37 point deviation', () => {
    const [ratio, average] = ja.series;
    expect(ratio?.values.at(-1)?.toFixed(2)).toBe('25.01');
    const deviation = (ratio?.values.at(-1) ?? 0) - (average?.values.at(-1) ?? 0);
    expect(deviation.toFixed(2)).toBe('0.37');
  });

  test('leaves the 26-week average empty until its window is full', () => {
    const average = ja.series[1]?.values ?? [];
    expect(average.slice(0, 25).every((value) => value === null)).toBe(true);
    expect(average[25]).not.toBeNull();
  });

  test('labels dates, title and legend in the page language', () => {
    expect(ja.categories.at(-1)).toBe('2026年2月13日');
    expect(en.categories.at(-1)).toBe('Feb 13, 2026');
    expect(ja.title).toBe('R2000G ÷ S&P 500の相対比率と26週移動平均');
    expect(en.series.map((series) => series.label)).toEqual(['R2000G ÷ S&P 500', '26-week moving average']);
    expect(en.caption).toEqual({
      asOf: 'As of February 13, 2026',
      source: `Source: ${site.registry.site.dataCredit.en}`,
      unit: 'Unit: percent (%)',
    });
  });

  test('draws the ratio in the numerator index colour and the average dashed, so colour is not the only cue', () => {
    expect(ja.series.map((series) => [series.color, series.dash])).toEqual([['#0f6fc6', 'solid'], ['#56606b', 'dashed']]);
  });

  test('summarises the chart in its alt text', () => {
    expect(en.alt).toBe(
      'Line chart "Relative strength: R2000G ÷ S&P 500 and its 26-week average" from Nov 22, 2024 to Feb 13, 2026. ' +
        'R2000G ÷ S&P 500 went from 26.45% to 25.01%; 26-week moving average went from 24.44% to 24.64%.',
    );
  });

  test('refuses a date with no ratio', () => {
    expect(() => buildRelativeStrengthChart(site, '2024-11-15', 'en')).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: relative-strength: no ratio of russell2000growth and sp500 in the week of 2024-11-15]`,
    );
  });
});

describe('buildRebasedChart', () => {
  const spec = buildRebasedChart(site, AS_OF, 'en');

  test('starts 52 weeks before the as-of date at 100 for every index and ends on the as-of date', () => {
    expect(spec.dates?.[0]).toBe('2025-02-14');
    expect(spec.dates?.at(-1)).toBe(AS_OF);
    expect(spec.dates).toHaveLength(53);
    expect(spec.series.map((series) => series.values[0])).toEqual([100, 100, 100]);
    expect(spec.baseline).toBe(100);
  });

  test('ends on each close divided by its close a year earlier', () => {
    const closeOn = (id: string, date: string) => site.series.get(id)?.find((observation) => observation.date === date)?.close ?? Number.NaN;
    const expected = (1709.95 / closeOn('russell2000growth', '2025-02-14')) * 100;
    expect(spec.series[0]?.values.at(-1)).toBeCloseTo(expected, 4);
    expect(spec.series.map((series) => series.label)).toEqual(['R2000G', 'S&P 500', 'Dow']);
    expect(spec.title).toBe('Indices rebased to 100 on February 14, 2025');
  });

  test('rebases the whole series when it is shorter than a year', () => {
    const early = buildRebasedChart(site, '2025-03-07', 'ja');
    expect(early.dates?.[0]).toBe('2024-11-22');
    expect(early.series.every((series) => series.values[0] === 100)).toBe(true);
  });

  test('takes a holiday week\'s Thursday close as the base when that is the week 52 weeks back', () => {
    const observations: Observation[] = [
      { date: '2025-04-11', week: '2025-04-11', close: 50 },
      { date: '2025-04-17', week: '2025-04-18', close: 100 },
      { date: '2025-04-25', week: '2025-04-25', close: 110 },
      { date: '2026-04-17', week: '2026-04-17', close: 120 },
    ];
    const registry = { ...site.registry, indices: site.registry.indices.slice(0, 1) };
    const data: ChartData = { registry, series: new Map([['russell2000growth', observations]]), ratio: [] };
    const spec = buildRebasedChart(data, '2026-04-17', 'en');
    expect(spec.dates?.[0]).toBe('2025-04-17');
    expect(spec.dates).toHaveLength(53);
    // Every week is a category; the weeks without a close are gaps, not a line drawn across them.
    expect(spec.series[0]?.values.slice(0, 3)).toEqual([100, 110, null]);
    expect(spec.series[0]?.values.at(-1)).toBe(120);
  });
});

describe('gaps in the history', () => {
  test('the relative-strength line has a category for every week and null where a week is missing', () => {
    const ratio = site.ratio.filter((point) => point.week !== '2025-06-06');
    const spec = buildRelativeStrengthChart({ ...site, ratio }, AS_OF, 'en');
    const gap = spec.dates?.indexOf('2025-06-06') ?? -1;
    expect(gap).toBeGreaterThan(0);
    expect(spec.series[0]?.values[gap]).toBeNull();
    expect(spec.series[0]?.values[gap - 1]).not.toBeNull();
    expect(spec.dates).toHaveLength(65);
  });
});

describe('buildWeeklyChangeChart', () => {
  const ja = buildWeeklyChangeChart(site, weekly.figures as NonNullable<SitePost['figures']>, 'ja');

  test('has one bar per index with the published changes, signed, in registry colours', () => {
    expect(ja.categories).toEqual(['R2000G', 'S&P 500', 'NYダウ']);
    expect(ja.series[0]?.values.map((value) => value?.toFixed(2))).toEqual(['-1.40', '-1.39', '-1.23']);
    expect(ja.series[0]?.barColors).toEqual(site.registry.indices.map((index) => index.color));
    expect(ja.format).toEqual({ decimals: 2, signed: true, template: '{value}%' });
    expect(ja.alt).toBe('棒グラフ「2026年2月13日までの1週間の騰落率」。R2000G −1.40%、S&P 500 −1.39%、NYダウ −1.23%。');
  });
});

describe('buildCustomChart', () => {
  const [forwardPe, q3Returns, sectors] = feature.charts as [CustomChart, CustomChart, CustomChart];

  test('keeps the values and labels the author declared, localized', () => {
    const ja = buildCustomChart(forwardPe, feature.date, 'ja');
    expect(ja.categories).toEqual(['IWM', 'IWV', 'SPY', 'IWO']);
    expect(ja.series[0]?.values).toEqual([24.64, 22.32, 22.5, 36.38]);
    expect(ja.series[0]?.label).toBe('予想PER');
    expect(ja.format).toEqual({ decimals: 2, signed: false, template: '{value}倍' });
    expect(buildCustomChart(forwardPe, feature.date, 'en').format.template).toBe('{value}x');
  });

  test('writes values to the precision the author wrote them', () => {
    const spec = buildCustomChart(q3Returns, feature.date, 'en');
    expect(spec.format.decimals).toBe(1);
    expect(spec.alt).toBe('Bar chart "Index returns, Q3 2025". US Small Cap 8.0%; US Large Cap 7.8%; US Market 7.0%; Small-cap growth 8.4%.');
  });

  test('passes on the horizontal layout and dates the chart by the post', () => {
    const spec = buildCustomChart(sectors, feature.date, 'en');
    expect(spec.horizontal).toBe(true);
    expect(spec.asOf).toBe('2025-10-10');
    expect(spec.caption.source).toBe('Source: MarketWatch');
  });
});

describe('no look-ahead', () => {
  test('a weekly post\'s charts are the same whether or not the series runs past its date', () => {
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
    const post: ChartedPost = { kind: 'feature', date: feature.date, figures: undefined, charts: feature.charts };
    expect(planPostCharts(post, ['top-contributors'], 'f.mdx').map((chart) => `${chart.name}:${chart.placement}`)).toEqual([
      'top-contributors:body', 'forward-pe:after-body', 'q3-index-returns:after-body', 'smallcap600-sectors:after-body',
    ]);
  });

  test('refuses a name the post has no chart for, listing those it has', () => {
    const post: ChartedPost = { kind: 'feature', date: feature.date, figures: undefined, charts: feature.charts.slice(0, 1) };
    expect(() => planPostCharts(post, ['rebased'], 'content/posts/ja/2025/x.mdx')).toThrowErrorMatchingInlineSnapshot(
      `[Error: content/posts/ja/2025/x.mdx: <Chart name="rebased" />: no such chart; this post has forward-pe.]`,
    );
  });

  test('offers relative strength only when the post has the ratio', () => {
    expect(availableCharts({ ...weeklyPost, figures: { date: AS_OF, week: AS_OF, indices: {}, relative: undefined } })).toEqual(['rebased', 'weekly-change']);
  });
});
