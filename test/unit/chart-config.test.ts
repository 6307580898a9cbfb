import type { Tick, TooltipItem } from 'chart.js';
import { describe, expect, test } from 'vitest';
import { buildChartConfig, DARK_THEME, LIGHT_THEME, themeColor, type ChartConfigOptions } from '../../src/lib/chart-config.ts';
import { barSpec, lineSpec } from '../fixtures/chart-specs.ts';

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
    const config = buildChartConfig(barSpec(), interactive) as unknown as Callbacks;
    const label = config.options.plugins.tooltip.callbacks.label({ dataset: { label: '騰落率', data: [] }, raw: -1.3995 });
    expect(label).toBe('騰落率: −1.40%');
  });

  test('writes axis ticks with only the decimals their spacing needs', () => {
    const config = buildChartConfig(barSpec(), interactive) as unknown as Callbacks;
    const ticks = [{ value: -1.5 }, { value: -1 }];
    expect(config.options.scales['y']?.ticks.callback(-1.5, 0, ticks)).toBe('−1.5%');
  });

  test('turns a horizontal spec on its side: categories on y, values on x', () => {
    const config = buildChartConfig(barSpec({ horizontal: true }), interactive);
    expect(config.options?.indexAxis).toBe('y');
    expect(config.options?.scales?.['x']).toMatchObject({ type: 'linear', suggestedMin: 0 });
    expect(config.options?.scales?.['y']).toMatchObject({ type: 'category' });
  });

  test('colours each bar by its index and hides the legend of a single series', () => {
    const config = buildChartConfig(barSpec(), interactive);
    expect(config.data.datasets[0]?.backgroundColor).toEqual(['#0f6fc6', '#d35400', '#6c7a89']);
    expect(config.options?.plugins?.legend?.display).toBe(false);
  });

  test('draws lines with their dash and point style, so series differ without colour', () => {
    const datasets = buildChartConfig(lineSpec(), interactive).data.datasets as { borderDash?: number[]; pointStyle?: string }[];
    expect(datasets.map((dataset) => [dataset.borderDash, dataset.pointStyle])).toEqual([[[], 'circle'], [[8, 5], 'rect']]);
  });

  test('draws title and caption into a static image, and no tooltip', () => {
    const config = buildChartConfig(barSpec(), { theme: LIGHT_THEME, mode: 'static', fontFamily: 'Shuho Noto Sans JP' });
    expect(config.options?.responsive).toBe(false);
    expect(config.options?.animation).toBe(false);
    expect(config.options?.plugins?.title).toMatchObject({ display: true, text: '2026年2月13日までの1週間の騰落率', font: { family: 'Shuho Noto Sans JP' } });
    // The source is credited once per post on the page, not in every image.
    expect(config.options?.plugins?.subtitle?.text).toBe('2026年2月13日時点 · 単位: パーセント(%)');
    expect(config.options?.plugins?.tooltip?.enabled).toBe(false);
  });

  test('keeps the page\'s own caption in the page instead of drawing it', () => {
    const config = buildChartConfig(barSpec(), interactive);
    expect(config.options?.plugins?.title?.display).toBe(false);
    expect(config.options?.plugins?.tooltip?.enabled).toBe(true);
  });

  test('gives the browser and the PNG the same data, in either theme: only how it is drawn differs', () => {
    const drawn = (config: ReturnType<typeof buildChartConfig>) => ({
      labels: config.data.labels,
      datasets: config.data.datasets.map((dataset) => [dataset.label, dataset.data]),
      axis: config.options?.indexAxis,
      bounds: Object.values(config.options?.scales ?? {}).map((scale) => [scale?.type, (scale as { suggestedMin?: number }).suggestedMin]),
    });
    for (const spec of [barSpec(), barSpec({ horizontal: true }), lineSpec()]) {
      const page = drawn(buildChartConfig(spec, interactive));
      expect(page.datasets.map(([, data]) => data)).toEqual(spec.series.map((series) => series.values));
      expect(drawn(buildChartConfig(spec, { theme: LIGHT_THEME, mode: 'static', fontFamily: 'Shuho Noto Sans JP' }))).toEqual(page);
      expect(drawn(buildChartConfig(spec, { ...interactive, theme: DARK_THEME }))).toEqual(page);
    }
  });
});

describe('one style for every chart', () => {
  const grids = (config: ReturnType<typeof buildChartConfig>) =>
    Object.entries(config.options?.scales ?? {}).map(([id, scale]) => {
      const { type, grid, border } = scale as { type: string; grid: { display?: boolean; color?: string }; border: { display?: boolean } };
      return { id, type, grid: grid.display ?? true, gridColor: grid.color, border: border.display };
    });

  test('draws grid lines across the values only, and an axis line under the categories, whichever way the bars lie', () => {
    const styleOf = (config: ReturnType<typeof buildChartConfig>) => grids(config).map(({ type, grid, border }) => ({ type, grid, border })).sort((a, b) => a.type.localeCompare(b.type));
    const expected = [{ type: 'category', grid: false, border: true }, { type: 'linear', grid: true, border: false }];
    for (const spec of [barSpec(), barSpec({ horizontal: true }), lineSpec()]) {
      for (const theme of [LIGHT_THEME, DARK_THEME]) {
        expect(styleOf(buildChartConfig(spec, { ...interactive, theme })), `${spec.id} ${String(spec.horizontal)} ${theme.name}`).toEqual(expected);
        expect(styleOf(buildChartConfig(spec, { theme, mode: 'static', fontFamily: 'Shuho Noto Sans JP' }))).toEqual(expected);
      }
    }
  });

  test('takes grid and text colours from the theme', () => {
    const config = buildChartConfig(barSpec({ horizontal: true }), { ...interactive, theme: DARK_THEME });
    expect(grids(config).find((scale) => scale.type === 'linear')?.gridColor).toBe(DARK_THEME.grid);
    expect(config.options?.color).toBe(DARK_THEME.text);
  });

  test('leaves room beyond the longest bar for its value, from a zero baseline', () => {
    const config = buildChartConfig(barSpec({ horizontal: true }), interactive);
    expect(config.options?.scales?.['x']).toMatchObject({ beginAtZero: true, grace: '16%' });
    expect(buildChartConfig(lineSpec(), interactive).options?.scales?.['y']).not.toHaveProperty('grace');
  });

  test('carries Shūhō\'s label plugin, so the page and the PNG draw the same labels', () => {
    for (const mode of ['interactive', 'static'] as const) {
      expect(buildChartConfig(lineSpec(), { ...interactive, mode }).plugins?.map((plugin) => plugin.id)).toEqual(['shuhoLabels']);
    }
  });
});

describe('themeColor', () => {
  test('keeps registry colours on a light page and lightens them on a dark one', () => {
    expect(themeColor('#0f6fc6', LIGHT_THEME)).toBe('#0f6fc6');
    expect(themeColor('#0f6fc6', DARK_THEME)).toBe('#63a1da');
    expect(themeColor('#000000', DARK_THEME)).toBe('#595959');
  });
});
