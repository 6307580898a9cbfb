import type { ChartConfiguration, ChartDataset, ScriptableScaleContext, Tick, TooltipItem } from 'chart.js';
import { formatChartTick, formatChartValue } from './chart-format.ts';
import { createChartLabels } from './chart-labels.ts';
import type { ChartSeries, ChartSpec } from './charts.ts';

/**
 * Bump when the drawing below changes: it is part of every PNG's content hash, so a changed style
 * renders new images instead of reusing cached ones.
 */
export const CHART_STYLE_VERSION = 3;

/** Colours of the page around a chart (they mirror src/styles/global.css). */
export interface ChartTheme {
  name: 'light' | 'dark';
  text: string;
  muted: string;
  grid: string;
  background: string;
}

/** The light page, and the background of every PNG. */
export const LIGHT_THEME: ChartTheme = { name: 'light', text: '#1c1e21', muted: '#56606b', grid: '#d9dde2', background: '#ffffff' };
/** The page under `prefers-color-scheme: dark`. */
export const DARK_THEME: ChartTheme = { name: 'dark', text: '#e8eaed', muted: '#a7b0ba', grid: '#343a41', background: '#15171a' };

/** Where a configuration is drawn: in the page (caption in HTML, tooltips) or into a standalone PNG (title and caption drawn in). */
export interface ChartConfigOptions {
  theme: ChartTheme;
  mode: 'interactive' | 'static';
  fontFamily: string;
}

/**
 * A series colour for the theme. Registry colours are picked for a light page; on a dark one they
 * are mixed 35% towards white so thin lines keep their contrast.
 */
export function themeColor(color: string, theme: ChartTheme): string {
  if (theme.name === 'light') return color;
  const channels = [1, 3, 5].map((at) => Number.parseInt(color.slice(at, at + 2), 16));
  return `#${channels.map((channel) => Math.round(channel + (255 - channel) * 0.35).toString(16).padStart(2, '0')).join('')}`;
}

/** The colour with an alpha channel, for fills under a line. */
function translucent(color: string, alpha: number): string {
  return `${color}${Math.round(alpha * 255).toString(16).padStart(2, '0')}`;
}

const DASH: Record<ChartSeries['dash'], number[]> = { solid: [], dashed: [8, 5], dotted: [2, 4] };

function lineDataset(spec: ChartSpec, series: ChartSeries, theme: ChartTheme, width: number): ChartDataset<'line', (number | null)[]> {
  const color = themeColor(series.color, theme);
  const isDense = spec.categories.length > 24;
  return {
    label: series.label,
    data: series.values,
    borderColor: color,
    backgroundColor: translucent(color, 0.2),
    borderWidth: width,
    borderDash: DASH[series.dash],
    pointStyle: series.point,
    pointRadius: isDense ? 0 : 3,
    pointHoverRadius: 5,
    pointHitRadius: 6,
    tension: 0,
    spanGaps: false,
  };
}

function barDataset(series: ChartSeries, theme: ChartTheme): ChartDataset<'bar', (number | null)[]> {
  const colors = (series.barColors ?? [series.color]).map((color) => themeColor(color, theme));
  return {
    label: series.label,
    data: series.values,
    backgroundColor: colors.length === 1 ? colors[0] : colors,
    borderWidth: 0,
    maxBarThickness: 64,
  };
}

/** The one style every chart shares, in the page and in the PNG: sizes of text and lines per mode. */
function chartStyle(mode: ChartConfigOptions['mode']) {
  return mode === 'static'
    ? { tick: 15, legend: 16, title: 24, subtitle: 14, value: 15, line: 3, padding: { top: 8, right: 24, bottom: 12, left: 16 } }
    : { tick: 12, legend: 13, title: 16, subtitle: 12, value: 12, line: 2, padding: { top: 4, right: 4, bottom: 4, left: 4 } };
}

/**
 * The Chart.js configuration of a spec: datasets, scales, tooltip and tick callbacks that write
 * values with the spec's unit in its language, and Shūhō's label plugin (values on bars, the last
 * value at the end of each line, a date axis ending on the as-of date). The browser and the PNG
 * renderer both draw from this, so the two can only differ in `options` (theme, mode, font).
 */
export function buildChartConfig(spec: ChartSpec, options: ChartConfigOptions): ChartConfiguration<'line' | 'bar', (number | null)[], string> {
  const { theme, mode, fontFamily } = options;
  const isStatic = mode === 'static';
  const style = chartStyle(mode);
  const font = (size: number) => ({ family: fontFamily, size });
  const valueAxis = spec.horizontal ? 'x' : 'y';
  const categoryAxis = spec.horizontal ? 'y' : 'x';
  const format = (value: number | null) => formatChartValue(spec.locale, spec.format, value);
  const datasets = spec.series.map((series) => (spec.type === 'line' ? lineDataset(spec, series, theme, style.line) : barDataset(series, theme)));
  const isBar = spec.type === 'bar';

  return {
    type: spec.type,
    data: { labels: spec.categories, datasets: datasets as ChartDataset<'line' | 'bar', (number | null)[]>[] },
    plugins: [
      createChartLabels(spec, {
        valueFont: `bold ${style.value}px ${fontFamily}`,
        valueSize: style.value,
        tickFont: `${style.tick}px ${fontFamily}`,
        gap: 8,
        color: theme.text,
      }),
    ],
    options: {
      indexAxis: categoryAxis,
      responsive: !isStatic,
      maintainAspectRatio: false,
      animation: isStatic ? false : { duration: 300 },
      color: theme.text,
      interaction: { mode: 'index', intersect: false, axis: categoryAxis },
      layout: { padding: style.padding },
      scales: {
        // One grid for every chart: lines across the values only, an axis line under the categories,
        // all on whole device pixels (crisp, and fewer shades of grey for the PNG to hold).
        [categoryAxis]: {
          type: 'category',
          alignToPixels: true,
          grid: { display: false },
          border: { display: true, color: theme.grid },
          // Every bar keeps its label; a date axis's ticks are chosen by the label plugin, ending on the as-of date.
          ticks: { color: theme.muted, font: font(style.tick), autoSkip: false, maxRotation: 0 },
        },
        [valueAxis]: {
          type: 'linear',
          alignToPixels: true,
          ...(spec.baseline === undefined ? {} : { suggestedMin: spec.baseline, suggestedMax: spec.baseline }),
          // Room beyond the longest bar for its value; bars always start from zero.
          ...(isBar ? { beginAtZero: true, grace: spec.horizontal ? '16%' : '10%' } : {}),
          grid: {
            color: theme.grid,
            // The baseline (0 for changes, 100 for rebased indices) is drawn heavier than other grid lines.
            lineWidth: (context: ScriptableScaleContext) => (spec.baseline !== undefined && context.tick?.value === spec.baseline ? 2 : 1),
          },
          border: { display: false },
          ticks: {
            color: theme.muted,
            font: font(style.tick),
            callback: (value: number | string, _index: number, ticks: Tick[]) => {
              const first = ticks[0]?.value ?? 0;
              const step = Math.abs((ticks[1]?.value ?? first + 1) - first);
              return formatChartTick(spec.locale, spec.format, Number(value), step);
            },
          },
        },
      },
      plugins: {
        legend: {
          display: spec.series.length > 1,
          position: 'top',
          align: 'start',
          labels: { color: theme.text, font: font(style.legend), boxWidth: 28, boxHeight: 2, padding: 16 },
        },
        title: { display: isStatic, text: spec.title, color: theme.text, align: 'start', font: { ...font(style.title), weight: 'bold' }, padding: { top: 4, bottom: 4 } },
        // The as-of date and unit only: the source is credited once per post, on the page (chartSourceLines).
        subtitle: { display: isStatic, text: `${spec.caption.asOf} · ${spec.caption.unit}`, color: theme.muted, align: 'start', font: font(style.subtitle), padding: { bottom: 20 } },
        tooltip: {
          enabled: !isStatic,
          callbacks: {
            label: (item: TooltipItem<'line' | 'bar'>) => `${item.dataset.label ?? ''}: ${format(item.raw as number | null)}`,
          },
        },
      },
    },
  };
}
