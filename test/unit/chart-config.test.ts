import type { Tick, TooltipItem } from 'chart.js';
import { describe, expect, test } from 'vitest';
import { buildChartConfig, DARK_THEME, LIGHT_THEME, themeColor, type ChartConfigOptions } from '../../src/lib/chart-config.ts';
import type { ChartSpec } from '../../src/lib/charts.ts';

function spec(overrides: Partial<ChartSpec> = {}): ChartSpec {
  return {
    id: 'weekly-change',
    locale: 'ja',
    type: 'bar',
    horizontal: false,
    title: '騰落率',
    asOf: '2026-02-13',
    unit: 'percent',
    format: { decimals: 2, signed: true, template: '{value}%' },
    caption: { asOf: '2026年2月13日時点', source: '出典: テスト', unit: '単位: パーセント(%)' },
    categoryLabel: '指数',
    categories: ['R2000G', 'S&P 500'],
    series: [{ label: '騰落率', values: [-1.3995, -1.3912], color: '#0f6fc6', barColors: ['#0f6fc6', '#d35400'], dash: 'solid', point: 'rect' }],
    baseline: 0,
    alt: '棒グラフ',
    ...overrides,
  };
}

const interactive: ChartConfigOptions = { theme: LIGHT_THEME, mode: 'interactive', fontFamily: 'serif' };

/** The parts of a configuration the tests call into, typed loosely enough to call. */
interface Callbacks {
  options: {
    plugins: { tooltip: { callbacks: { label: (item: Partial<TooltipItem<'bar'>>) => string } } };
    scales: Record<string, { ticks: { callback: (value: number, index: number, ticks: Pick<Tick, 'value'>[]) => string } }>;
  };
}

describe('buildChartConfig', () => {
  test('writes tooltip values with the spec\'s unit, sign and decimals in its language', () => {
    const config = buildChartConfig(spec(), interactive) as unknown as Callbacks;
    const label = config.options.plugins.tooltip.callbacks.label({ dataset: { label: '騰落率', data: [] }, raw: -1.3995 });
    expect(label).toBe('騰落率: −1.40%');
  });

  test('writes axis ticks with only the decimals their spacing needs', () => {
    const config = buildChartConfig(spec(), interactive) as unknown as Callbacks;
    const ticks = [{ value: -1.5 }, { value: -1 }];
    expect(config.options.scales['y']?.ticks.callback(-1.5, 0, ticks)).toBe('−1.5%');
  });

  test('turns a horizontal spec on its side: categories on y, values on x', () => {
    const config = buildChartConfig(spec({ horizontal: true }), interactive);
    expect(config.options?.indexAxis).toBe('y');
    expect(config.options?.scales?.['x']).toMatchObject({ type: 'linear', suggestedMin: 0 });
    expect(config.options?.scales?.['y']).toMatchObject({ type: 'category' });
  });

  test('colours each bar by its index and hides the legend of a single series', () => {
    const config = buildChartConfig(spec(), interactive);
    expect(config.data.datasets[0]?.backgroundColor).toEqual(['#0f6fc6', '#d35400']);
    expect(config.options?.plugins?.legend?.display).toBe(false);
  });

  test('draws lines with their dash and point style, so series differ without colour', () => {
    const line = spec({
      type: 'line',
      series: [
        { label: 'a', values: [1, 2], color: '#0f6fc6', dash: 'solid', point: 'circle' },
        { label: 'b', values: [null, 2], color: '#56606b', dash: 'dashed', point: 'rect' },
      ],
    });
    const datasets = buildChartConfig(line, interactive).data.datasets as { borderDash?: number[]; pointStyle?: string }[];
    expect(datasets.map((dataset) => [dataset.borderDash, dataset.pointStyle])).toEqual([[[], 'circle'], [[8, 5], 'rect']]);
  });

  test('draws title and caption into a static image, and no tooltip', () => {
    const config = buildChartConfig(spec(), { theme: LIGHT_THEME, mode: 'static', fontFamily: 'Shuho Noto Sans JP' });
    expect(config.options?.responsive).toBe(false);
    expect(config.options?.animation).toBe(false);
    expect(config.options?.plugins?.title).toMatchObject({ display: true, text: '騰落率', font: { family: 'Shuho Noto Sans JP' } });
    expect(config.options?.plugins?.subtitle?.text).toEqual(['2026年2月13日時点 · 単位: パーセント(%)', '出典: テスト']);
    expect(config.options?.plugins?.tooltip?.enabled).toBe(false);
  });

  test('keeps the page\'s own caption in the page instead of drawing it', () => {
    const config = buildChartConfig(spec(), interactive);
    expect(config.options?.plugins?.title?.display).toBe(false);
    expect(config.options?.plugins?.tooltip?.enabled).toBe(true);
  });

  test('serialises to the same JSON for the same spec, so browser and PNG cannot drift apart', () => {
    expect(JSON.stringify(buildChartConfig(spec(), interactive))).toBe(JSON.stringify(buildChartConfig(spec(), interactive)));
  });
});

describe('themeColor', () => {
  test('keeps registry colours on a light page and lightens them on a dark one', () => {
    expect(themeColor('#0f6fc6', LIGHT_THEME)).toBe('#0f6fc6');
    expect(themeColor('#0f6fc6', DARK_THEME)).toBe('#63a1da');
    expect(themeColor('#000000', DARK_THEME)).toBe('#595959');
  });
});
